## The HTML report for product owners (English).
report-title = Where learners drop off and get stuck
report-lead = Each topic is a funnel: how many people reached each step, where they left, and where they struggled. The worst steps are marked red. Definitions are at the end.
period-label = Period and filters
period = Runs started
period-start = the first day
period-now = today
filter-lang = Language
lang-all = all
lang-ru = Russian
lang-en = English
filter-version = Scenario version
version-current = current
filter-source = Users
source-all = everyone
source-telegram = Telegram only
source-terminal = terminal players only
source-simulated = simulated only
idle-timeout = Counted as dropped after
hours = { $hours } h without activity
generated = Generated
card-runs = { $runs ->
    [one] run started
   *[other] runs started
  }
card-completion = completed: { $completed } of { $settled } settled { $settled ->
    [one] run
   *[other] runs
  }; { $unsettled } not settled yet (started in the last { $hours } h or still going) are not counted
card-dropped = left without finishing (no activity for { $hours } h)
card-blocked = users who blocked the bot
overview = Topics at a glance
col-scenario = Topic
col-runs = Runs
col-completed = Completed
col-completion = Completion
col-dropped = Dropped
col-in-progress = In progress
col-time-complete = Median time
col-rating = Rating
col-worst-step = Worst step
stuck-of = { $share } struggled
top-stuck = { $count ->
    [one] The step where people get stuck
   *[other] Top { $count } steps where people get stuck
  }
top-stuck-none = Steps where people get stuck
top-stuck-note = Ranked by stuck score: the share of people who reached the step and struggled there (asked for help, answered wrong first, typed instead of pressing a button, or left). Steps reached by fewer than 10 runs are not ranked.
col-step = Step
col-question = What the step says
col-stuck = Stuck score
col-reach = Reached
col-help = Help
col-wrong-first = Wrong first
col-drop-rate = Drop rate
col-top-wrong = Most chosen wrong answer
step-n = step { $n }
chosen-times = chosen { $count } times ({ $share } of all answers)
no-stuck = No step has enough runs to rank yet.
version-n = version { $version }
sum-runs = { $runs } runs ({ $fresh } new, { $continued } continued after an update)
sum-completed = { $completed } completed ({ $rate })
sum-dropped = { $dropped } dropped off
sum-other = { $restarted } restarted, { $blocked } blocked the bot, { $superseded } moved to a newer version, { $progress } in progress
sum-time = time to complete: median { $median }, 90% within { $p90 }
sum-rating = rating { $rating } of 5 ({ $rated } ratings)
other-versions = Not counted here (other versions):
version-runs = version { $version }: { $runs ->
    [one] { $runs } run
   *[other] { $runs } runs
  }
not-in-library = This topic is no longer among the scenario files: steps are shown by their ids.
no-runs = No runs in this period.
funnel = Funnel: who reached each step
graph = Scenario map, coloured by drop rate
steps = Every step: drop-off and struggle
languages = Russian and English side by side
funnel-axis = people who reached the step, of { $runs } runs
funnel-tip = reached by { $reach }, { $dropped } dropped off here ({ $rate })
legend-reach = reached the step
legend-dropped = left at this step
node-drop = { $rate } dropped
node-none = not reached
legend-low = 0% dropped
legend-high = 30% or more
legend-back = dashed arrow: a way back to an earlier step
no-graph = The map needs the scenario file.
col-attempts = Tries to get it right
col-typed = Typed instead
col-time = Answer time, median / 90%
kind-info = info
kind-question = question
kind-choice = choice
kind-text = text answer
kind-end = end
kind-unknown = old step
worst = worst
runs-n = { $runs ->
    [one] { $runs } run
   *[other] { $runs } runs
  }
col-reach-share = Reached
lang-gap = { $gap } gap
languages-note = Reached: share of that language's runs that got to the step. A badge marks steps whose stuck score differs by 10 points or more between languages: check the wording in the weaker language. A run counts in the language it started in.
glossary = What the numbers mean
glossary-more = Every figure counts the runs that started in the period shown at the top, whenever their later steps happened.
term-run = Run
def-run = One person's attempt at one topic version, from its first step to the end, a restart, or leaving. One person can have several runs.
term-reach = Reached
def-reach = Runs that were shown the step at least once. Branches mean not every run sees every step.
term-dropped = Dropped off
def-dropped = Runs with no activity for { $hours } hours that did not finish; counted at the last step they were shown. Drop rate = dropped here ÷ reached.
term-completion = Completion
def-completion = Completed runs ÷ settled runs: runs that completed, restarted, dropped off or blocked the bot, among those started at least { $hours } h ago. Newer runs are not counted yet: those that will drop off cannot have done so, so counting their completions at once would make recent days look better. Runs moved to a newer version are left out.
term-help = Help
def-help = Share of runs that pressed “I'm stuck” at the step.
term-wrong-first = Wrong first
def-wrong-first = Share of runs whose first answer to the question was wrong.
term-attempts = Tries to get it right
def-attempts = Average number of answers until the first right one, among runs that got it right.
term-typed = Typed instead
def-typed = Share of runs that typed text where buttons were expected: a sign of confusion.
term-time = Time to answer
def-time = Seconds from the moment the step was (last) shown to the first answer: median and the time within which 90% answered. A pause of { $hours } h or longer is a break, not an answer time, and is left out; so is the time to complete of a run that took such a break.
term-stuck = Stuck score
def-stuck = Share of runs that reached the step and struggled there: asked for help, answered wrong first, typed instead of pressing a button, or dropped off.
term-blocked = Blocked
def-blocked = People who blocked the bot are counted apart, not as drop-off.
term-versions = Versions
def-versions = Changing a scenario's structure gives it a new version; figures are per version so they never silently mix.

## The learning loop: reminders, reviews, confidence, follow-ups (issue 13). Kept together
## at the end of the file to ease merging.
loop-overview = After the run: reminders, reviews, follow-ups
loop-section = After the run: reminders, reviews, follow-ups
loop-reminders = Reminders: did learners come back?
loop-reviews = Spaced reviews: remembered days later?
loop-confident = Confidently wrong: sure of a wrong first answer
loop-followup = Did it work for real? The follow-up question
loop-problems = What went wrong, as learners reported it
col-language = Language
col-reminded = Reminders sent
col-resumed = Came back
col-completed-after = Then completed
col-reviews = Review answers
col-retention = Right on review
col-interval = { $interval } days
retention-of = { $share } of { $answers }
col-confidence-asked = First answers with confidence
col-sure-wrong = Sure and wrong
col-top-sure-wrong = Wrong answer most often chosen as “sure”
col-followup-asked = Asked
col-followup-answered = Answered
col-followup-done = Did it
col-followup-not-yet = Not yet
col-followup-problem = Something went wrong
col-problem = What went wrong
problem-other = Something else
loop-note = Counted under the run they belong to: its start day, language and version, like every figure here, even when they happened days later.
term-reminder = Reminder
def-reminder = One message to a learner who stopped in the middle of a topic, naming the step where they stopped. Came back: they did anything in that run after the reminder. Then completed: they finished that run after it. Both are shares of the reminders sent.
term-retention = Right on review
def-retention = Share of review answers that were right, by the days since the learner last answered that question: 0–1, 2–3, 4–7, 8–14, 15–30, 31 or more. Every review answer counts.
term-confident = Confidently wrong
def-confident = First answers to a question that the learner called “sure” and that were wrong, as a share of the first answers given with a confidence. Feedback corrects these best: check that the step's explanation speaks to that wrong answer.
term-followup = Follow-up
def-followup = Some days after finishing a topic, the bot asks whether the learner did it for real. Answered: share of those asked. Did it, not yet, something went wrong: shares of the answers (the first button pressed counts). Problems: the first one picked.
