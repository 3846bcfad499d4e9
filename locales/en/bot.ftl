## Interface texts of rolebot. Scenario texts live in <scenario-id>.ftl beside this file.

## Steps
step-counter = Step { $current } of { $total }
type-your-answer = ✍️ Type your answer in a message.
checklist-header = ✅ Your part, in short:
rate-prompt = How useful was this? Rate it from 1 to 5.
try-again = Try again.
answer-revealed = The right answer:
text-received = Thank you, answer received.
text-too-short = Please say a little more: at least { $minimum ->
    [one] { $minimum } character
   *[other] { $minimum } characters
  }. Your text is not saved anywhere.
use-buttons = Please answer with the buttons below the message. If you are stuck, press “I'm stuck”.
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
help-human = If you are still stuck, a person will help: { $contact }
default-contact = the support team of the service you use
help-general = Choose a topic from the menu and answer with the buttons. “I'm stuck” gives a hint, then an explanation, then a person to contact.

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
