## Тексты интерфейса rolebot. Тексты сценариев лежат рядом, в <scenario-id>.ftl.

## Шаги
step-counter = Шаг { $current } из { $total }
type-your-answer = ✍️ Напишите ответ сообщением.
checklist-header = ✅ Ваша часть, коротко:
rate-prompt = Насколько это было полезно? Оцените от 1 до 5.
try-again = Попробуйте ещё раз.
answer-revealed = Правильный ответ:
text-received = Спасибо, ответ получен.
text-too-short = Напишите чуть подробнее: хотя бы { $minimum ->
    [one] { $minimum } символ
    [few] { $minimum } символа
   *[many] { $minimum } символов
  }. Ваш текст нигде не сохраняется.
use-buttons = Пожалуйста, отвечайте кнопками под сообщением. Если не знаете, что выбрать, нажмите «Не понимаю».
stale-button = Эта кнопка из старого сообщения. Вот где вы сейчас.
no-active-run = Эта тема сейчас не открыта. Откройте её из меню.
scenario-changed-restart = Извините, тему обновили, и вашего шага в ней больше нет, поэтому начинаем её заново.
scenario-removed = Извините, эту тему убрали. Выберите, пожалуйста, другую в меню.

## Помощь
help-level = { $level ->
    [1] 💡 Подсказка
    [2] 📖 Объяснение
   *[3] 🙋 Помощь человека
  }
help-human = Если всё ещё непонятно, вам поможет человек: { $contact }
default-contact = служба поддержки сервиса, которым вы пользуетесь
help-general = Выберите тему в меню и отвечайте кнопками. Кнопка «Не понимаю» даст подсказку, потом объяснение, потом контакт человека, который поможет.

## Оценка
rated-thanks = Спасибо за оценку: { $score } из 5.
rating-not-expected = Эта оценка уже не нужна.

## Кнопки
button-next = Дальше ➡️
button-help = 🤔 Не понимаю
button-menu = 📋 Темы
button-again = 🔁 Пройти заново
button-open = ▶️ Открыть
button-rate = { $score }

## Меню
menu-title = Выберите тему:
menu-item-new = { $title }
menu-item-active = { $title } · шаг { $current } из { $total }
menu-item-done = ✅ { $title }
menu-empty = Тем пока нет.

## Терминал
play-hint-options = Введите номер ответа, ? — если непонятно, q — выйти.
play-hint-text = Напишите ответ, ? — если непонятно, q — выйти.
play-hint-next = Нажмите Enter, чтобы продолжить, ? — если непонятно, q — выйти.
play-hint-rate = Оцените от 1 до 5 или нажмите Enter, чтобы пропустить.
play-hint-menu = Введите номер темы или q, чтобы выйти.
play-no-such-choice = Варианта «{ $choice }» нет. Введите число от 1 до { $count }.
play-unknown-scenario = Темы «{ $scenario }» нет. Есть такие: { $available }.
play-bye = Ваш прогресс сохранён. До встречи!
