## Interface texts of rolebot. Scenario texts live in <scenario-id>.ftl beside this file.

## Steps
step-counter = Step { $current } of { $total }
type-your-answer = ✍️ Type your answer in a message.
    .terminal = ✍️ Type your answer and press Enter.
objectives-header = You will learn to:
list-item = • { $text }
checklist-header = ✅ Your part, in short:
rate-prompt = How useful was this? Rate it from 1 to 5.
try-again = Try again.
answer-revealed = The right answer:
welcome-back = Welcome back! You were at step { $current } of { $total }.
text-received = Thank you, answer received.
text-too-short = Please say a little more: at least { $minimum ->
    [one] { $minimum } character
   *[other] { $minimum } characters
  }. Your text is not saved anywhere.
use-buttons = Please answer with the buttons below the message. If you are stuck, press “I'm stuck”.
    .terminal = Please type the number of your answer. If you are stuck, type ? or “help”.
stale-button = That button belongs to an older message. Here is where you are now.
no-active-run = This topic is not in progress. Open it from the menu.
scenario-changed-restart = Sorry, this topic was updated and your step no longer exists, so we are starting it again.
scenario-removed = Sorry, this topic has been removed. Please choose another one from the menu.

## Help
help-level = { $level ->
    [1] 💡 Hint
    [2] 📖 Explanation
   *[3] 🙋 Ask a person
  }
help-human = If you are still stuck, a person will help: { $contact }.
offer-answer = Or I can show you the right answer, and we will go on.
default-contact = the support team of the service you use
help-general = Choose a topic from the menu and answer with the buttons. “I'm stuck” gives a hint, then an explanation, then a person to contact.
    .terminal = Type the number of an answer. “help” or ? gives a hint, then an explanation, then a person to contact; “menu” shows the topics.

## Rating
rated-thanks = Thank you for the rating: { $score } of 5.
rating-not-expected = This rating is no longer expected.

## Buttons
button-next = Next ➡️
button-help = 🤔 I'm stuck
button-menu = 📋 Topics
button-again = 🔁 Start again
button-open = ▶️ Open
button-rate = { $score }
button-show-answer = 👀 Show the answer

## Menu
menu-title = Choose a topic:
menu-item-new = { $title }
menu-item-active = { $title } · step { $current } of { $total }
menu-item-done = ✅ { $title }
menu-empty = There are no topics yet.

## Terminal player
play-hint-options = Type the number of your answer, ? if you are stuck, q to quit.
play-hint-text = Type your answer, ? if you are stuck, q to quit.
play-hint-next = Press Enter to go on, ? if you are stuck, q to quit.
play-hint-rate = Rate from 1 to 5, or press Enter to skip.
play-hint-menu = Type the number of a topic, or q to quit.
play-no-such-choice = There is no choice “{ $choice }”. Type a number from 1 to { $count }.
play-unknown-scenario = There is no topic “{ $scenario }”. Available: { $available }.
play-bye = Your progress is saved. See you next time!
# Words a learner may type instead of a number, separated by commas, any case. Words from
# every language are understood, whatever the language of the texts.
play-words-help = ?, help, hint, stuck, i'm stuck, i am stuck, help me
play-words-menu = menu, topics, main menu
play-words-quit = q, quit, exit, bye, stop

## Telegram
greeting = Hello! I help you learn your own part in everyday services: what you need to bring and do so that a bank, a support team or a course actually works for you. Each topic takes about five minutes: short questions, and an explanation after every answer.
nothing-to-continue = There is nothing in progress right now. Choose a topic:
choose-topic-first = To begin, choose a topic from the menu.
unsupported-content = I can only read buttons and text messages. Please answer with the buttons.
button-continue = ▶️ Continue
button-unknown = That button no longer works. Here is the menu.
unknown-command = I don't know that command. Try /menu or /help.
group-only-private = I work in private chats only. Open a chat with me to learn a topic.
error-generic = Something went wrong on our side. Your progress is safe; please try again.
update-failed = Sorry, I could not process your last message. Please send it again, or open /menu.
language-prompt = Choose the language:
language-name-ru = Русский
language-name-en = English
language-set = Done: I will speak English now.
privacy = What I keep: your Telegram id (to remember your progress), the language you chose, and which buttons you pressed and when, to improve the topics. What I never keep: the words you type (only their length), your name or your phone number. Statistics are anonymous. To delete everything about you, send /forget.
forget-confirm = Delete your progress and every link between you and your answers? This cannot be undone.
button-forget-yes = Yes, delete
button-forget-no = No, keep
forget-done = Done. Nothing in my database is linked to you any more. If you write again, you start fresh.
forget-cancelled = Nothing was deleted.
admin-only = This command is for administrators only.
reload-done = Topics reloaded: { $count }.
reload-failed = The new topics have { $count ->
    [one] { $count } error
   *[other] { $count } errors
  }, so the previous version keeps working:
  { $errors }

## Command menu
command-start = Start and choose a topic
command-menu = All topics
command-continue = Continue where you stopped
command-language = Change the language
command-help = Get help with the current step
command-privacy = What I store about you
command-forget = Delete my data
next-suggestion = Next, you might like: { $title }.
all-done = You have completed every topic. Thank you! You can repeat any of them from the menu.

## Statistics for admins (/stats)
stats-header = 📊 The last { $days ->
    [one] day
   *[other] { $days } days
  }: { $runs ->
    [one] { $runs } run started
   *[other] { $runs } runs started
  }, { $completed } completed.
stats-scenario = { $title }: { $runs ->
    [one] { $runs } run
   *[other] { $runs } runs
  }, { $completion } completed, { $dropped } dropped off.
stats-worst-step = Hardest step: { $step } ({ $stuck } of those who reached it struggled).
stats-scenario-empty = { $title }: no runs yet.
stats-blocked = { $count ->
    [one] { $count } user has
   *[other] { $count } users have
  } blocked the bot (not counted as drop-off).
stats-report-caption = The full report: open this file in a browser.
stats-bad-period = I don't understand the period “{ $period }”. Try /stats, /stats 7d or /stats 2026-01-31.

## ─── Learning loop: confidence, spaced review, follow-up (bot/core/engine.py, review.py,
## followup.py). Kept together at the end of the file to ease merging.

## Confidence: asked after the answer is chosen, before its feedback
confidence-prompt = How sure are you?
button-sure = 👍 Sure
button-guessing = 🤷 Guessing

## Spaced review
review-header = 🔁 Quick review: “{ $title }”. { $count ->
    [one] One question
   *[other] { $count } questions
  } from this topic, to keep it fresh.
review-next = { $days ->
    [1] I will ask this one again tomorrow.
   *[other] I will ask this one again in { $days } days.
  }
review-already-answered = You have already answered this one.
review-gone = This question has been removed from the topic, so it will not come back.
button-stop-reviews = 🔕 Stop reviews
reviews-stopped = Done: no more reviews.

## Follow-up: doing it for real
followup-intro = { $days ->
    [1] Yesterday you went through “{ $title }”.
    [one] { $days } day ago you went through “{ $title }”.
   *[other] { $days } days ago you went through “{ $title }”.
  }
followup-yes = ✅ Yes
followup-not-yet = ⏳ Not yet
followup-problem = ⚠️ Something went wrong
followup-done = 🎉 Well done! That is exactly what the topic was for. Thank you for telling me.
followup-not-yet-reply = No problem: when the moment comes, you will know what to do. Would you like to go through the topic again first?
button-refresh-topic = 🔁 Go through it again
followup-which-problem = What happened?
followup-other = Something else
followup-other-reply = Sorry it did not work out. A person will help: { $contact }.
followup-more-help = If this does not solve it, a person will help: { $contact }.
followup-outdated = That answer is no longer on the list. Please choose again.

## Come back: one reminder when a learner stops halfway (bot/service/loop.py)
reminder = You stopped at step { $current } of { $total } in “{ $title }”. Shall we carry on from there?
reminder-first = You stopped at step { $current } of { $total } in “{ $title }”. Shall we carry on from there?

    Should I send a reminder like this whenever you stop halfway? I will never send more than one.
button-reminders-yes = 🔔 Yes, remind me
button-reminders-no = 🔕 No reminders
reminders-on = Done: if you stop halfway, I will remind you once. /reminders turns this off.
reminders-off = Done: no reminders. /reminders turns them back on.
command-reminders = Reminders on or off
play-nothing-due = Nothing is scheduled for you yet: stop a topic halfway, answer a question wrong or finish a topic with a follow-up, then try again.
