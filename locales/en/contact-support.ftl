title = Contacting support
description = Learn your part in getting a problem solved by support: finding the real channel, preparing details, describing the problem, keeping your data safe and following up. About 5 minutes.

objective--pick-channel = Find the provider's official support channel and pick one that fits the urgency
objective--prepare-details = Have your order, account and device details ready before you write
objective--describe-problem = Describe a problem so support can act on the first message
objective--protect-secrets = Never share passwords, PINs, CVV codes or SMS codes with anyone
objective--track-request = Keep the ticket number and follow up on it instead of opening duplicates

## intro

intro = Support can only fix what it understands. Your part is to reach the real support team, explain the problem clearly, keep your secrets to yourself and follow the ticket through. Let's practise on an everyday case: you paid for an order in an online shop's app, the money was taken, but the order still says "Awaiting payment".
    .hint = Just read and press Next: the questions start on the next step.
    .explanation = The result depends on both sides: the agent brings access to systems and know-how, and you bring the facts only you have. A clear first message often saves days of back-and-forth. Let's see what that looks like in practice.

## pick-channel

pick-channel = Where do you look for the shop's support contacts?
    .hint = Who can you be sure the contact really belongs to?
    .explanation = Take contacts only from sources the company controls: its app, its official website (typed in yourself or from a bookmark), your order confirmation or contract. Fraudsters create look-alike "support" accounts on social media and messengers, buy ads in search results and reply to people's public complaints. Real support very rarely messages you first.
pick-channel--dm-support = Reply to a "Support" account's DM
    .feedback = Risky. Fake "support" accounts watch public complaints and message people first, then ask for card details or codes. Check contacts in the app or on the official website.
pick-channel--official = In the app or on the official website
    .feedback = Right. The app and the official website are controlled by the company, so the contacts there are real. Save them so you don't have to search next time.
pick-channel--search-ad = The first number in search results
    .feedback = Be careful: the top results are often ads, and fraudsters buy ads too. Open the official website yourself or use the app, and take the contacts from there.
pick-channel--comments = Ask in the comments under their post
    .feedback = Public comments are a poor channel: your data becomes visible to everyone, and fake "support" accounts reply to exactly these comments. Use the official channels.

## urgency

urgency = A different case: your bank's app shows a card payment you didn't make. How do you contact the bank?
    .hint = Money that's leaving your account right now is an emergency.
    .explanation = Match the channel to the urgency. For urgent money issues (unknown payments, a lost card, a suspected hack) block the card in the app if you can, then call the number in the app or on the back of the card, or use the in-app chat. Non-urgent questions, like a refund for a delayed order, are fine for a web form or email: they leave a written record.
urgency--email-wait = Send an email and wait for a reply
    .feedback = Too slow for this. An email may wait in a queue for days while more money goes. Email is fine for non-urgent questions; here, block the card and call.
urgency--wait-branch = Wait until the branch opens tomorrow
    .feedback = Waiting is risky: the card still works overnight. Block it in the app and call the bank's line; it works around the clock at most banks.
urgency--call-now = Block the card, call the bank now
    .feedback = Right. Every minute counts: blocking the card stops further payments, and a call or the in-app chat gets the dispute started right away. Use the number from the app or the back of the card.

## prepare

prepare = Back to the unpaid order. You're about to write to the shop's support. What do you have ready?
    .hint = What will the agent ask you first?
    .explanation = The first thing support needs is to find you and your order. Have ready: the order number, the email or phone number of your account, the date, time and amount of the payment, and a screenshot of the order status. For app problems, also note your device model, operating system and app version. Your password is never part of this list.
prepare--nothing = Nothing, they'll find it themselves
    .feedback = They'll probably ask you for it anyway, and each round of questions can cost a day. Have the details ready before you write.
prepare--details = Order number, email, payment time
    .feedback = Right. With these, the agent can find your order and payment straight away instead of asking you for them one by one.
prepare--password = My password, so they can log in
    .feedback = Never. Support doesn't need your password: staff see your account in their own systems. Anyone who asks for your password is not real support.

## describe

describe = Which description of the problem will help support the most?
    .hint = Imagine the agent knows nothing about your situation.
    .explanation = A useful description answers four questions: what you did, what you expected, what actually happened and when (date, time and time zone). Add the exact error text or a screenshot and what you've already tried. Keep it calm and to the point: it gets your request to the right person faster.
describe--fix-it = "Nothing works, fix it now!"
    .feedback = Understandable, but the agent can't act on it: what doesn't work, where and since when? You'll get questions back instead of a fix.
describe--life-story = The whole story of all my issues
    .feedback = Too much. Details that don't matter bury the important ones, and the agent has to dig for them. Stick to this one problem and the facts.
describe--screenshot = Just a screenshot, no words
    .feedback = A screenshot helps, but not on its own: it doesn't say what you did, what you expected or when it happened. Add a few sentences.
describe--full-picture = What I did, expected, got, and when
    .feedback = Right. Steps, expected result, actual result, date and time with the time zone, plus the error text or a screenshot. That's enough to start checking straight away.

## one-problem

one-problem = Besides the order, the app crashes when you open your profile, and you'd like to change your account email. How do you write?
    .hint = Different problems are often handled by different teams.
    .explanation = Write one message per problem. Tickets are routed to different specialists: payments, app bugs, account changes. A mixed message gets stuck with the first team, and parts of it get lost. Separate tickets can be solved in parallel, and each gets its own number.
one-problem--separate = One message per problem
    .feedback = Right. Each ticket goes to the team that can solve it, and each gets its own number, so nothing is forgotten.
one-problem--all-in-one = Everything in one message
    .feedback = It feels efficient, but usually the agent answers one point and the others get lost or wait for another team. Split them up.
one-problem--all-channels = The same message to every channel
    .feedback = That creates duplicates: several agents work on the same thing, answers contradict each other, and it can slow everything down. Pick one channel per problem.

## secrets

secrets = In the chat, the "agent" writes: "To confirm it's you, send us the code from the SMS you've just received." What do you do?
    .hint = What is an SMS code for?
    .explanation = SMS and push codes, passwords, PINs, the CVV/CVC code and the full card number are keys to your money and account. Real support never asks for them: staff see what they need in their own systems. If someone asks, it's fraud, even if the chat looks official. End the conversation and contact the company through the official channel yourself.
secrets--send-code = Send it: it's support asking
    .feedback = That's how accounts and money get stolen. The code lets someone confirm a payment or log in as you. Real support never asks for it.
secrets--card-number = Send my card number instead
    .feedback = Not safe either. The full card number, together with the expiry date, is enough for many online payments. At most, support may ask for the last four digits.
secrets--refuse = Refuse and contact them via the app
    .feedback = Right. No real agent needs your code. Read the SMS carefully: it often says what the code confirms, like a payment or a login. Then contact support yourself through the app or official website.
secrets--cvv-only = Send only the CVV, not the code
    .feedback = The CVV/CVC code is just as secret: it's what confirms online payments. No one in support needs it. Don't send it to anyone.

## write-message

write-message = Now write the first message you'd send to the shop's support. The facts: order 58213, paid yesterday at about 7:40 pm, 49.90, by card in the app. The money was taken, but the order still says "Awaiting payment". Your account email is anna@example.com.
    .hint = Use the four parts: what you did, what you expected, what happened, when. Add the details support needs to find you.
    .explanation = A good first message has a clear subject, the order number and account email, the payment amount, date and time with the time zone, what you expected and what you see instead, and what you'd like support to do. Mention that you can send a screenshot or the bank's confirmation. No passwords, codes or full card number.
    .feedback =
        Thank you! Compare your message with this example:
        Subject: Order 58213 paid, but status is "Awaiting payment"
        Hello! Yesterday at about 7:40 pm (UTC+1) I paid 49.90 for order 58213 by card in the app. The money has been debited from my card, but the order still shows "Awaiting payment". My account: anna@example.com.
        I can send a screenshot of the order and the bank's notification. Please confirm the payment and process the order, or refund the money.
        Thank you, Anna

## ticket

ticket = Support replies: "Your ticket 340127 has been created. We'll answer within 3 business days." What do you do?
    .hint = What will you need to refer to this ticket later?
    .explanation = The ticket number is the key to your case: with it, any agent sees the whole history in seconds. Save it together with the date and the promised deadline, for example in your notes or by starring the email. Until the deadline passes, there's no need to write again; new requests for the same problem only create duplicates.
ticket--just-wait = Nothing: they'll write to me
    .feedback = They probably will, but if not, you'll have to explain everything again from scratch. Saving the number takes a few seconds and saves a lot of time later.
ticket--save-number = Save the number and the deadline
    .feedback = Right. With the number, any agent can find your case, and with the deadline, you know when it's time to follow up.
ticket--new-daily = A new ticket daily to hurry them
    .feedback = That slows things down: duplicates split your case between agents and may be closed as repeats. Wait for the deadline, then follow up on the same number.

## no-answer

no-answer = Three business days have passed, and there's no answer. First, a reminder; if that doesn't help, the next level. Let's take both steps in turn.
    .hint = Read and press Next: two questions follow, one for each step.
    .explanation = Usually a polite reminder quoting the ticket number is enough. If you've already reminded them, the deadline has passed again or the amount is significant, it's time to escalate: a formal written complaint and, if that doesn't help, a regulator or consumer protection authority.

## follow-up

follow-up = How do you send the reminder?
    .hint = How can the agent see the whole history at once?
    .explanation = Reply in the same email thread or chat, or quote the ticket number in the subject and first line. Briefly remind them of the problem and the promised deadline and ask when to expect an answer. A calm, specific reminder is taken up faster than an angry one.
follow-up--new-request = Open a new ticket and copy the text
    .feedback = That creates a duplicate with no history, and it may join the back of the queue. Reply in the existing ticket and quote its number.
follow-up--call-hourly = Call every hour until they answer
    .feedback = It wears you out and rarely speeds things up: an agent on the phone often can't resolve the ticket immediately. One clear reminder with the number works better.
follow-up--same-thread = Reply in the same thread with the number
    .feedback = Right. For example: "Ticket 340127: the promised 3 business days have passed. Please tell me when to expect an answer." The agent sees the whole history at once.

## escalate

escalate = The reminder didn't help: the deadline has passed again with no answer. What's a sensible order of steps?
    .hint = Give the company a formal chance to respond before going outside it.
    .explanation = First send a formal written complaint to the company through its official channel, quoting the ticket number, dates and what you want, and keep a copy. If the company refuses or doesn't reply within its deadline, contact the regulator or consumer-protection authority with your correspondence. For a bank, that's { $regulator }; for a shop or a service, { $consumer-watchdog }. Court is the last resort.
escalate--complaint = Formal complaint, then the regulator
    .feedback = Right. A written complaint with the ticket number creates a record and often gets a faster answer. If that fails, the regulator or consumer-protection authority will ask for exactly this correspondence.
escalate--court-first = Go straight to court
    .feedback = Usually too early. Court takes time and money, and for many disputes you first need to show that you tried to settle with the company. Start with a written complaint.
escalate--public-post = Post about it, tagging the company
    .feedback = A public post sometimes gets attention, but it isn't a formal complaint: it starts no deadline, the regulator will ask whether you complained in writing, and fake "support" accounts reply to such posts first. Send a formal complaint first.
escalate--keep-waiting = Keep waiting: they'll answer eventually
    .feedback = Without a formal complaint, nothing obliges the company to answer by a date, and weeks can pass. A written complaint quoting the ticket number puts your case on record.

## done

done = Done! That's your part in getting help from support: the agent brings the systems, you bring the right channel, clear facts and a ticket number to follow.
done--official = Take support contacts only from the app or official website
done--urgent-call = For urgent money issues, block the card and call; for the rest, write
done--have-details = Have your order number, account and payment details ready
done--describe = Describe what you did, expected, got, and when, with the time zone
done--one-problem = One problem per ticket, in one channel
done--no-secrets = Never send passwords, PINs, CVV/CVC, full card numbers or SMS codes
done--keep-number = Save the ticket number and the promised deadline
done--follow-up = Follow up in the same ticket, quoting its number
done--escalate = If that fails, make a written complaint, then go to the regulator

## Follow-up, five days later
followup = Did support solve the problem you contacted them about?
followup--no-reply = Nobody answered
    .help = Write again in the same conversation and quote your ticket number, so your place in the queue is kept. If there is still no answer after the time { $provider } promises, use another official channel ({ $support-channels }) and mention the first message.
followup--asked-code = Someone asked for a code or my password
    .help = Stop the conversation: real support never asks for codes from text messages, your password or your card's CVV. If you shared anything, block the card in { $provider-app } or call { $provider } on the official number right now, and change your password.
followup--bounced = They kept passing me around
    .help = Ask for a ticket number and the name of the team that owns the problem, and write the same short description each time. If it goes on, ask for the complaint procedure: { $provider } must tell you how to escalate.
followup--not-fixed = The problem was not solved
    .help = Reply to the ticket saying what still happens, with the date, the steps and a screenshot, and ask for it to be reopened. If no answer comes within the promised time, make a written complaint through the official complaint procedure and keep its number.
