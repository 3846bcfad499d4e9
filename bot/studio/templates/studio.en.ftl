## The studio's own words (rolebot studio). Keys match studio.ru.ftl one for one.

studio-title = rolebot studio
nav-scenarios = Scenarios
ui-switch = Русский
live-watching = Watching { $folders }: saved edits appear here within a second.
live-checked = Checked at { $time } in { $ms } ms.
live-lost = The studio is not answering; reconnecting…

list-heading = Scenarios
list-summary = { $valid } scenario(s) valid, { $errors } error(s), { $warnings } warning(s): the same as rolebot validate.
col-scenario = Scenario
col-id = File
col-steps = Steps
col-version = Version
col-state = State
state-valid = ✓ valid
state-warnings = ✓ valid, { $count } warning(s)
state-kept = ✗ { $count } error(s): the last good version still plays
state-broken = ✗ { $count } error(s): not playable until fixed
problems-heading = Problems
problems-none = No problems.
problems-all = All problems, as rolebot validate prints them

chat-heading = Chat preview
chat-language = Language of the chat
chat-restart = 🔁 Restart
chat-jump = Jump to step…
chat-phone = 📱 Phone width
chat-typed = ✍️ { $count } character(s) typed (the words stay in your browser)
chat-jumped = ⤵ Jumped to step { $current } of { $total }: { $step }
chat-placeholder = Message (only its length is sent)
chat-send = Send
chat-cut = Telegram would cut this label on a phone
chat-not-playable = This scenario is not playable: fix its errors first.
chat-kept = These files have errors: you are playing the last good version.

map-heading = Flow map
map-right = right answer
map-wrong = wrong answer that leads elsewhere
map-retry = wrong answer: try again
map-data = Fill: drop rate; thick red border: a step where learners get stuck. From { $runs } run(s) of this version, studio previews not counted.
map-no-data = No runs of this version are recorded yet, so the map is not coloured.
map-hint = Click a step to open it in the chat and see its texts in both languages.
map-figures = reached { $reach } · dropped { $dropped } ({ $drop }) · stuck score { $stuck } · asked for help { $help } · wrong first answer { $wrong }

texts-heading = Texts of step “{ $step }”
texts-none = Click a step on the map to see its texts in both languages side by side.
texts-key = Key

kind-info = information
kind-question = question
kind-choice = choice
kind-text = typed answer
kind-end = end

refused-token = This studio is protected by a token. Open the address that rolebot studio printed (it ends with ?token=…).
refused-host = This address is not the studio's. Open it as 127.0.0.1 or localhost.
refused-origin = Refused: the request came from another site.
not-found = There is no such scenario.

nav-owners = Owners' view
owners-title = Where learners drop off and get stuck
owners-period = Period
owners-period-7d = the last 7 days
owners-period-30d = the last 30 days
owners-period-90d = the last 90 days
owners-period-365d = the last year
owners-language = Language
owners-scenario = Scenario
owners-all = all
owners-show = Show
owners-scenarios = Scenarios
owners-total = { $runs ->
    [one] { $runs } run started in this period (studio previews left out).
   *[other] { $runs } runs started in this period (studio previews left out).
}
owners-settled-note = Completion counts settled runs only: runs started within the idle timeout may still be dropped, so they wait.
owners-trends = Week by week
owners-versions = This version beside the one before
owners-version = version { $version }
owners-one-version = Only one version of this scenario has runs in this period.
owners-report = The full report
owners-col-scenario = scenario
owners-col-runs = runs
owners-col-settled = settled
owners-col-completion = completion
owners-col-dropped = dropped
owners-col-rating = rating
owners-col-worst = hardest step
owners-col-week = week from
owners-col-step = step
owners-col-reach = reached
owners-col-drop = dropped
owners-col-stuck = stuck
