title = Staying safe in online banking
description = Learn your part in online and mobile banking: where to get the app, how to recognise fraudsters, why you never tell anyone a code, and what to do if the worst has already happened. About 5 minutes.

objective--official-app = Install the bank's app only from official sources
objective--keep-secrets = Never share codes, your PIN, CVV/CVC or passwords, not even with "bank staff"
objective--spot-fraud = Recognise phishing links, "security service" calls and requests for remote access
objective--check-confirm = Read the notification text before confirming an transaction
objective--act-fast = Act at once if you've told someone a code or see a charge you don't recognise

## intro

intro = The bank protects its systems, but you are the one who confirms transactions in the app. It's easier for fraudsters to trick a person than to hack a bank, so your part is to use the official app, never share codes or passwords, read what you confirm, and act fast if something happens. Let's practise on typical situations.
    .hint = Just read and press Next: the questions start on the next step.
    .explanation = Most often, money is stolen not by hacking the bank but through a conversation or a link: people are talked into sharing a code, install a program or transfer money themselves. An transaction you confirmed yourself is much harder for the bank to stop, and the money much harder to get back. That's why protective habits are your part of the service, and they're what we'll practise now.

## install-app

install-app = You've decided to use mobile banking. Where do you install the app from?
    .hint = Who is responsible for the place you download the app from?
    .explanation = Install the app from an official app store or via the link on the bank's official website, typed in yourself, and check that the developer is your bank. Fraudsters make copies of banking apps and send links to a "new version" by SMS and in messengers, and a fake app can intercept passwords and codes. Where exactly a bank publishes its app depends on the country and the bank; its official website says where.
install-app--sms-link = A link in an SMS about a "new version"
    .feedback = Dangerous. Messages about an "urgent update" with a link are a common way to slip you a fake app that steals passwords and codes. Updates come through the app store or the bank's website, not via a link in an SMS.
install-app--official = An app store or the bank's website
    .feedback = Right. An official app store or the link on the bank's website, typed in yourself, are reliable sources. Check that the developer is your bank, and update the app from the same place.
install-app--friend-file = A file a friend sent me
    .feedback = Even if your friend meant no harm, the file may have come to them from fraudsters, or their account may have been hacked. An installation file from a messenger can turn out to be malware. Take the app only from an official source.
install-app--search-top = The first link in a search engine
    .feedback = The top search results are often ads, and fraudsters buy ads too, to send people to fake websites. Open the bank's website at the address you know, or find the app in an official store.

## phishing

phishing = You get an SMS: "Your card has been blocked. Follow the link to unblock it." The link's address looks like your bank's, but has an extra word in it. What do you do?
    .hint = How can you check on your card without opening that link?
    .explanation = Phishing links lead to websites that look like your bank's page but pass everything you type to fraudsters: login, password, card details, codes. Their addresses look like the real ones, differing by a letter or an extra word. Don't follow links in unexpected messages: open the bank's app yourself or call the number on your card. A padlock and "https" in the address bar only mean the connection is encrypted, not that the site belongs to the bank.
phishing--padlock = Open it: it has a padlock and https
    .feedback = The padlock only means the connection is encrypted. Fraudsters easily get such certificates for their own sites too. It can't tell you whether this is really your bank.
phishing--just-look = Open it, but not type anything
    .feedback = Risky. A fake page may offer to download an "update" or stage the blocking so convincingly that you end up typing your details after all. It's safer not to open such links at all.
phishing--reply-stop = Reply to the SMS and ask what's wrong
    .feedback = A reply shows fraudsters that the number is active and that you're worried, and a call "from the bank" may soon follow. Don't get into a conversation: check everything in the app or via the number on your card.
phishing--open-app = Open my bank's app and check
    .feedback = Right. If something is wrong with the card, you'll see it in the app, and if in doubt, call the number on the back of the card. Don't open the link; you can forward the message to the bank or simply delete it.

## code-call

code-call = A call: "Bank security service. Someone is trying to transfer 1,000 from your card. To cancel it, tell us the code from the SMS." The caller knows your name and the last digits of your card. What do you do?
    .hint = What does an SMS code actually confirm?
    .explanation = A code from an SMS or a push notification is your signature: it confirms a transfer, a login or a new device, and it never cancels transactions. Real bank staff never ask for codes, your PIN, CVV/CVC or passwords, and when they call you, not for the full card number either. Your name, the last digits of your card and even the bank's number on the screen prove nothing: such data leaks, and a number can be spoofed. Hang up and call the bank yourself using the number on your card or in the app.
code-call--they-know-me = Tell it: they know my name and card
    .feedback = Fraudsters often know your name, phone number and the last digits of your card: such data leaks from all kinds of databases. It doesn't prove the bank is calling. And the code lets them confirm a transfer in your name.
code-call--caller-id = Tell it if the bank's number shows
    .feedback = The number on your screen can be faked: fraudsters can make the bank's real number appear on caller ID. Hang up and call back yourself using the number on your card; that way you're sure to reach the bank.
code-call--hang-up = Hang up and call the bank myself
    .feedback = Right. Hang up and dial the number on the back of your card or in the bank's app yourself. If there really was a suspicious transaction, the bank will tell you, and no code is needed for that.
code-call--ask-badge = Ask their name and title, then tell it
    .feedback = A fraudster will easily give any name, title and "staff number", and you can't check them during the call. Never give a code to anyone, however convincing the caller sounds.

## safe-account

safe-account = Another call: "Your money is at risk. Move it to a safe account; we've already opened one. An officer from the Central Bank will contact you now." What do you do?
    .hint = Do "safe accounts" exist at all?
    .explanation = There's no such thing as a "safe", "protected" or "reserve" account: it's the fraudsters' account. If the bank sees a threat, it suspends the transaction or blocks the card itself; it doesn't ask you to move money. A central bank doesn't hold accounts for private individuals and doesn't call them with such requests. A call "from the police" or "from the Central Bank" that backs up the first caller is part of the same scheme. End the call and ring your own bank using the number on your card.
safe-account--no-such = Hang up: such accounts don't exist
    .feedback = Right. Any request to move money to a "safe account" is fraud. Hang up and call your bank using the number on your card or in the app to make sure everything is in order.
safe-account--move-it = Move it: better safe than sorry
    .feedback = That's exactly what the fraudsters count on: scare you and rush you. The money goes to their account, and getting it back is very hard, because you confirmed the transfer yourself. A real bank blocks transactions when there's a threat; it doesn't ask you to move money.
safe-account--central-bank = Wait for the Central Bank's call
    .feedback = A central bank doesn't hold accounts for private individuals and doesn't call them to rescue their money. The "Central Bank officer" is the second player in the same scheme, there to make you believe the first one.
safe-account--police-call = Move it if the police confirm
    .feedback = A call "from the police" is part of the scheme too: fraudsters often play several roles one after another. The police never ask you to move money to any account. Hang up and call your bank yourself.

## screen-share

screen-share = On a video call, a "support agent" asks you to share your screen or install a remote access program, such as RustDesk or AnyDesk, "to set up protection". What do you do?
    .hint = What can someone who sees your screen see and do?
    .explanation = Screen sharing shows everything: notifications with codes, balances, messages. A remote access program also lets them control your phone or computer: open the bank's app and confirm a transfer. Banks don't ask customers to install such programs or show their screen. If you've already installed something like that at someone's request, remove it and call the bank's official number.
screen-share--install = Install it and watch what they do
    .feedback = You won't be able to keep up. Controlling your phone remotely, a fraudster opens your bank's app in seconds and sees an incoming code before you do. Many people lose money exactly like this, "just watching".
screen-share--view-only = Only share my screen, that's safe
    .feedback = It isn't safe. Your screen shows pop-up notifications with codes, balances and card details. That's enough to confirm an transaction in your name.
screen-share--refuse = Refuse and end the call
    .feedback = Right. Your bank's real support doesn't need access to your screen. End the call, and if you still have doubts, call the bank using the number on your card or in the app.
screen-share--delete-later = Install it, then delete it right away
    .feedback = Deleting it later is too late: during the call a fraudster has time to log in to your bank and transfer the money. Don't install such programs at anyone's request.

## confirm-op

confirm-op = You're paying 25 for an order on a shop's website. An SMS arrives: "Code 4821. Transfer of 250 to card *7731. Don't tell anyone this code." What do you do?
    .hint = Does the transaction in the SMS match the one you're making?
    .explanation = In an SMS or push notification with a code, the bank says exactly what you're confirming: the type of transaction, the amount, the recipient or the shop. Read the whole text, not just the digits of the code. If the amount, the recipient or the transaction itself doesn't match what you're doing, don't enter the code: you may be on a fake website. Close the page and contact your bank.
confirm-op--my-payment = Enter it: it's my purchase
    .feedback = The purchase is yours, but the transaction in the SMS isn't: a different amount and a transfer to someone's card. That's how fake shop websites work: you think you're paying for an order, but you're confirming a transfer to fraudsters.
confirm-op--read-stop = Don't enter it: wrong sum and payee
    .feedback = Right. The amount is ten times higher, and it's a transfer to someone's card, not a payment to a shop. The site looks fake. Don't enter the code, close the page and tell your bank.
confirm-op--digits-only = Enter it: I never read the SMS text
    .feedback = The text is the most important part of this SMS: only it shows what you're confirming. Entering a code without reading the text is like signing a document without looking at it.

## what-happened

what-happened = Now, what to do if the fraudsters tricked you after all, or you noticed something suspicious. Let's take two cases in turn.
    .hint = Read and press Next: two questions follow, one for each case.
    .explanation = If your money or access to your bank is at risk, minutes count. The steps are similar in both cases: block the card, call the bank's official number, dispute the transaction and keep the evidence.

## told-code

told-code = You told the caller the code and only then realised it was a fraudster. What do you do first?
    .hint = What stops the fraudsters before they manage to use the code?
    .explanation = Act at once: with the code, fraudsters can log in to your online bank or confirm a transfer. Block the card in the app if you still can, and call the bank using the number on your card or its official website: say which code you told and when, and ask them to block online banking access and check your transactions. Then change your online banking and email passwords. If money has already gone, dispute the transaction right away: since you told the code yourself, getting it back is harder, but the faster you act, the better your chances.
told-code--wait-see = Wait: maybe nothing will be taken
    .feedback = Waiting is dangerous: with the code, fraudsters can log in to your online bank or confirm a transfer within minutes. The later you tell the bank, the less chance there is to stop anything.
told-code--call-back = Call back the number that called me
    .feedback = That's the fraudsters' number, even if it looks like the bank's. You'll reach them again, and they'll try to trick you a second time. Call only the number on your card, in the app or on the official website.
told-code--delete-app = Delete the bank's app from my phone
    .feedback = That stops nothing: fraudsters log in to your online bank from their own device, and the card keeps working. Only the bank can block the card and the access, so call the bank.
told-code--block-call = Block the card and call the bank
    .feedback = Right. Blocking stops new charges, and the bank shuts off online banking access and checks your transactions. Call the number on your card or on the official website, not the one that called you.

## unknown-charge

unknown-charge = The second case. In the app you see a charge of 3.90 from an online shop you don't know. You haven't bought anything there. What do you do?
    .hint = Who can stop further charges and return the money, and how soon do they need to know?
    .explanation = Block the card in the app right away and report it to the bank through an official channel: the app, the number on your card or the one on the official website. Ask them to dispute the transaction and note the reference number. Timing matters: tell the bank { $dispute-deadline }.
unknown-charge--month-end = Wait for the monthly statement
    .feedback = Too late. While you wait, more charges may go through, and the deadline for a dispute is short: report it { $dispute-deadline }. Tell your bank right away.
unknown-charge--block-report = Block the card and dispute the charge
    .feedback = Right. Blocking stops further charges, and a dispute starts the investigation of the transaction. Report it { $dispute-deadline }.
unknown-charge--shop-only = Only write to that shop
    .feedback = The shop may not answer, and meanwhile the card keeps working. Only the bank can block the card and dispute the transaction. You can write to the shop too, but after calling the bank.
unknown-charge--small-sum = It's small, not worth the bother
    .feedback = A small charge is often a test: fraudsters check that the card works and then take a large sum. Block the card and tell your bank, even if the amount seems trivial.

## evidence

evidence = The card is blocked, and the bank knows what happened and has registered your request. What else is worth doing?
    .hint = What will the bank and the police need to sort it out?
    .explanation = Keep everything that helps the investigation: the bank's reference number, screenshots of transactions and messages, the numbers that called you, the dates and times of the calls. If you were tricked, report it to the police: the document confirming your report will also help in a dispute with the bank. Change your online banking and email passwords and, if the app allows it, check the list of devices with access. If the bank refuses to refund you, in Russia you can complain to the Bank of Russia.
evidence--delete-all = Delete the messages to forget it all
    .feedback = An understandable wish, but the messages and the call log are evidence. Without them, it's harder for the bank and the police to investigate and for you to get a refund. There's nothing to be ashamed of: fraudsters trick people of every age and experience.
evidence--bank-only = Nothing: the bank will handle it
    .feedback = The bank will check the transaction, but some steps only you can take: report to the police, change your passwords, keep the evidence. Without them, the investigation may drag on.
evidence--save-all = Keep the evidence, go to the police
    .feedback = Right. Screenshots, the callers' numbers, call times and the bank's reference number help both the bank and the police. While you're at it, change your passwords and check which devices have access to your online bank.

## done

done = Done! Here is what depends on you in safe online banking: the bank protects its systems, while the codes, the passwords and the decision what to confirm stay with you.
done--official-app = Install the bank's app only from an official store or the bank's website
done--no-links = Don't open links in unexpected SMS or emails: go to your bank yourself
done--never-tell = Never tell anyone SMS or push codes, your PIN, CVV/CVC or passwords
done--hang-up = If "the bank" asks for a code or a transfer, hang up and call the number on your card
done--no-safe-acct = Remember: there's no such thing as a "safe account"
done--no-remote = Don't install remote access programs or share your screen at anyone's request
done--read-text = Read the amount and recipient in the notification before entering a code
done--block-fast = If you suspect fraud, block the card and call the bank at once
done--dispute-fast = Dispute unfamiliar transactions at once, without waiting
done--keep-proof = Keep the evidence and report the fraud to the police
done--self-ban = Where your country allows it, block new loans in your name (in Russia: the credit self-ban on Gosuslugi)
done--ombudsman = If the bank refuses a refund, you can complain to { $ombudsman }
