## Собственные слова студии (rolebot studio). Ключи совпадают со studio.en.ftl.

studio-title = rolebot studio
nav-scenarios = Сценарии
ui-switch = English
live-watching = Слежу за { $folders }: сохранённые правки появятся здесь за секунду.
live-checked = Проверено в { $time } за { $ms } мс.
live-lost = Студия не отвечает; переподключаюсь…

list-heading = Сценарии
list-summary = Сценариев без ошибок: { $valid }; ошибок: { $errors }; предупреждений: { $warnings }. Как у rolebot validate.
col-scenario = Сценарий
col-id = Файл
col-steps = Шагов
col-version = Версия
col-state = Состояние
state-valid = ✓ без ошибок
state-warnings = ✓ без ошибок, предупреждений: { $count }
state-kept = ✗ ошибок: { $count }; работает последняя исправная версия
state-broken = ✗ ошибок: { $count }; не запустится, пока их не исправить
problems-heading = Ошибки и предупреждения
problems-none = Ни ошибок, ни предупреждений.
problems-all = Всё, что находит rolebot validate

chat-heading = Предпросмотр чата
chat-language = Язык чата
chat-restart = 🔁 Сначала
chat-jump = Перейти к шагу…
chat-phone = 📱 Ширина телефона
chat-typed = ✍️ Набрано символов: { $count } (сам текст остаётся в браузере)
chat-jumped = ⤵ Переход к шагу { $current } из { $total }: { $step }
chat-placeholder = Сообщение (отправляется только его длина)
chat-send = Отправить
chat-cut = На телефоне Telegram обрежет эту надпись
chat-not-playable = Этот сценарий не запустится: сначала исправьте ошибки.
chat-kept = В файлах ошибки: сейчас играется последняя исправная версия.

map-heading = Карта сценария
map-right = верный ответ
map-wrong = неверный ответ, ведущий на другой шаг
map-retry = неверный ответ: попробовать ещё раз
map-data = Заливка: доля ушедших; толстая красная рамка: шаг, где застревают. По прохождениям этой версии: { $runs }; предпросмотры студии не считаются.
map-no-data = Прохождений этой версии ещё нет, поэтому карта не раскрашена.
map-hint = Нажмите на шаг, чтобы открыть его в чате и увидеть тексты на обоих языках.
map-figures = дошли { $reach } · ушли { $dropped } ({ $drop }) · застревание { $stuck } · просили помощь { $help } · ошиблись с первой попытки { $wrong }

texts-heading = Тексты шага «{ $step }»
texts-none = Нажмите на шаг на карте, чтобы увидеть его тексты на двух языках рядом.
texts-key = Ключ

kind-info = сообщение
kind-question = вопрос
kind-choice = выбор
kind-text = ответ текстом
kind-end = конец

refused-token = Студия защищена токеном. Откройте адрес, который напечатала команда rolebot studio (он заканчивается на ?token=…).
refused-host = Это не адрес студии. Откройте её как 127.0.0.1 или localhost.
refused-origin = Отказано: запрос пришёл с другого сайта.
not-found = Такого сценария нет.

nav-owners = Для владельцев
owners-title = Где учащиеся бросают и где застревают
owners-period = Период
owners-period-7d = последние 7 дней
owners-period-30d = последние 30 дней
owners-period-90d = последние 90 дней
owners-period-365d = последний год
owners-language = Язык
owners-scenario = Сценарий
owners-all = все
owners-show = Показать
owners-scenarios = Сценарии
owners-total = { $runs ->
    [one] За период начато { $runs } прохождение (без пробных из студии).
    [few] За период начато { $runs } прохождения (без пробных из студии).
   *[many] За период начато { $runs } прохождений (без пробных из студии).
}
owners-settled-note = Доля завершивших считается только по устоявшимся прохождениям: начатые недавно ещё могут оказаться брошенными, поэтому ждут.
owners-trends = По неделям
owners-versions = Эта версия рядом с предыдущей
owners-version = версия { $version }
owners-one-version = За этот период есть прохождения только одной версии сценария.
owners-report = Полный отчёт
owners-col-scenario = сценарий
owners-col-runs = прохождений
owners-col-settled = устоялось
owners-col-completion = завершили
owners-col-dropped = бросили
owners-col-rating = оценка
owners-col-worst = самый трудный шаг
owners-col-week = неделя с
owners-col-step = шаг
owners-col-reach = дошли
owners-col-drop = бросили
owners-col-stuck = застряли
