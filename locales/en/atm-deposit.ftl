title = Depositing cash and paying at a terminal
description = Learn your part in depositing cash at an ATM or payment terminal: choosing the machine, preparing the notes, checking the amount and the recipient, and what to do if the money doesn't arrive. About 5 minutes.

objective--pick-terminal = Choose an ATM or terminal that takes the cash quickly and without needless fees
objective--prepare-notes = Prepare notes so the ATM accepts them, and take back any it returns
objective--check-amount = Check the counted amount and the fee before confirming
objective--check-recipient = Check the recipient's number before paying
objective--refuse-scam = Recognise the "safe account" scam that sends you to an ATM with your cash and your phone
objective--act-on-failure = Act correctly if the money isn't credited or goes to the wrong person

## intro

intro = The bank and the terminal's owner make sure the machine takes the notes and the money reaches its destination. You bring the cash, your card or the exact recipient number, and a few minutes of attention: choosing the machine, preparing the notes, checking the amount and the number, keeping the receipt. Let's go through it step by step.
    .hint = Just read and press Next: the questions start on the next step.
    .explanation = The result doesn't depend on the bank alone. The ATM can't tell that you mistyped the recipient's number or brought crumpled notes, and without a receipt the bank has a harder time finding your payment. Most problems come from small details, and those are what we'll practise.

## pick-terminal

pick-terminal = You need to pay 300 in cash into your card account. Where do you go?
    .hint = Not every ATM can take cash in.
    .explanation = Many ATMs only give out cash. The ones that take it are marked "cash-in" or "cash deposit", and your bank's app map usually shows them. The most reliable option is your own bank's ATM: it usually charges no fee, and the money arrives at once or within minutes. Other banks' ATMs often don't accept cash for cards they didn't issue, and payment terminals in shops usually charge a fee.
pick-terminal--any-atm = The nearest ATM, any will do
    .feedback = Not any. Many ATMs can only give out cash and simply have no slot for taking notes in. Check in your bank's app which nearby ATMs accept cash.
pick-terminal--other-bank = Another bank's ATM, if it takes cash
    .feedback = Risky. Other banks' ATMs often don't accept cash for cards they didn't issue, and if they do, they may charge a fee and credit the money later. Check your bank's terms: some banks have partners whose ATMs take deposits for free.
pick-terminal--own-cash-in = My own bank's cash-in ATM
    .feedback = Right. Such an ATM recognises your card at once, usually charges no fee and credits the money quickly. Find one on the map in your bank's app; as a rule, you can filter for ATMs that accept cash.
pick-terminal--shop-kiosk = A payment kiosk in a shop
    .feedback = Possible, but not the same. The kiosk belongs to a separate company that usually charges a fee, and the money may take longer to reach your card. To top up your own card, your bank's ATM is almost always the better deal.

## prepare-notes

prepare-notes = You've found a cash-in ATM. Some of your notes are folded in half, the stack has a rubber band round it, and one note is torn and taped together. What do you do?
    .hint = The note acceptor is a mechanism that checks every note separately.
    .explanation = The note acceptor pulls notes in one at a time and checks their size, print and security features. Folded, crumpled or taped notes, paper clips and rubber bands make it return notes or even jam. Flatten the notes, square up the stack, remove everything else and insert the cash the way the screen shows. A torn or taped note is better taken to a bank teller.
prepare-notes--as-is = Insert them as they are, it'll cope
    .feedback = An ATM can't flatten notes. Folded notes and a rubber band can jam the mechanism; then the transaction stops and getting the money back means going through the bank. A minute of preparation saves a lot of time.
prepare-notes--flat-stack = Flatten, remove band, set torn one aside
    .feedback = Right. The ATM takes a neat stack without bands or clips faster and with less risk of a jam. It will most likely refuse the taped note, so take that one to a bank teller.
prepare-notes--taped = The taped one too: money is money
    .feedback = The ATM checks every note, and a taped one will most likely fail the check: the machine will return it or it may jam. Take that note to a bank teller instead.

## rejected

rejected = The ATM took almost all the notes but pushed two worn ones back out, saying "Notes not accepted". What do you do?
    .hint = Whose money is it while the ATM hasn't accepted it?
    .explanation = An ATM returns notes it can't recognise: worn, crumpled, torn, or sometimes just inserted crookedly. While they lie in the tray, they're your cash, not money in your account. Take them at once: some ATMs pull uncollected notes back in after a while, and then you'll have to sort out the credit with the bank. You can flatten a note and try once more; if the ATM returns it again, deposit it with a bank teller.
rejected--push-again = Keep inserting until it takes them
    .feedback = If a note has come back two or three times, the ATM will most likely never recognise it. You'll lose time while the queue behind you grows. Set the note aside and deposit it with a bank teller.
rejected--leave-them = Leave them, the ATM will count them
    .feedback = It won't. Returned notes aren't part of the amount the ATM counted. If you walk away, the next person may take them or the ATM may pull them back in, and then only a claim to the bank can get them back.
rejected--stranger = Give them to someone offering help
    .feedback = Don't. A "helper" who offers to deposit your cash through his own card and transfer it to you can simply walk off with it. Deposit your own cash yourself: at the ATM or with a bank teller.
rejected--take-back = Take them, flatten them, try again
    .feedback = Right. Take the notes from the tray at once. Flatten them and insert them once more; if the ATM returns them again, deposit those notes with a bank teller.

## check-amount

check-amount = On the second try the ATM accepted those notes too. It counts 280, but you're sure you put in 300, and nothing is left in the tray. The amount isn't confirmed yet. What do you do?
    .hint = What's easier: fixing the amount before confirming, or disputing it afterwards?
    .explanation = Before crediting the money, the ATM shows how much it counted and waits for you to confirm. This is your moment to check. If the amount doesn't match, don't confirm: most ATMs let you take the notes back, count them and deposit them again. If the ATM won't return the cash, call your bank right there at the machine.
check-amount--recount = Take the notes back and recount
    .feedback = Right. Until you confirm, most ATMs let you take the notes back. Count them: if the mistake was yours, deposit them again. If the ATM won't return the notes or the amount still doesn't match, call your bank without leaving the ATM.
check-amount--confirm = Confirm: the machine counts better
    .feedback = People do miscount more often, but ATMs fail too. Once you confirm, you accept the amount, and proving there were more notes will take a claim to the bank. Until you confirm, it's simpler to take the notes back and count them.
check-amount--sort-later = Confirm and sort it out with the bank
    .feedback = You can sort it out later, but that means a claim, a check of the ATM and waiting. Until you confirm the amount, you can usually take the notes back and recount them in a minute.

## receipt

receipt = You counted the cash: one note was still in your wallet. Now the amount matches, you've confirmed the deposit, and the ATM offers to print a receipt. What do you do?
    .hint = What proves you deposited the money if it doesn't show up in your account?
    .explanation = The receipt shows the ATM number, the date and time, the amount and the transaction number: everything the bank needs to find your payment. Check the amount against your bank's notification and keep the receipt until the money shows up in your account, or, for a terminal payment, until the recipient has it. If your bank sends an electronic receipt instead of paper, make sure it's saved.
receipt--app-enough = Skip it: the app shows everything
    .feedback = If the money already shows in the app, great. But if it hasn't arrived or the amount is wrong, finding your payment without the ATM number, the time and the transaction number is harder. Take the receipt and keep it until you're sure everything is credited.
receipt--bin-it = Take it and throw it in the bin nearby
    .feedback = You'll need the receipt if the money doesn't arrive. Besides, it may show part of your card number and the amount, and fraudsters sometimes pick up such receipts near ATMs to sound more convincing later.
receipt--keep-it = Keep it until the money arrives
    .feedback = Right. Compare the amount on the receipt with your bank's notification and keep the receipt until the money appears in your account. With it, any claim is resolved faster.

## kiosk-fee

kiosk-fee = A week later you want to put 10 in cash on your sister's mobile phone. The only option nearby is a payment kiosk in a shop, and the small print on its screen says: "Fee 5%. No change given." What do you do?
    .hint = The kiosk shows its terms before you insert any money.
    .explanation = A payment kiosk usually belongs neither to your bank nor to the mobile operator but to a separate company, and its service often costs a fee. The fee is shown before you pay, usually on the screen before you insert notes. Many kiosks give no change: everything you insert, minus the fee, goes to the number you entered. If the fee is high, top up the phone through your bank's app or at the mobile operator: that's often cheaper or free.
kiosk-fee--no-fees = Pay: kiosks don't charge fees
    .feedback = Not always. Many payment kiosks charge their own fee, and it can be noticeable. It's shown on the screen before you pay, so read the terms before you insert any notes.
kiosk-fee--read-fee = Check the fee; if steep, pay elsewhere
    .feedback = Right. Work out how much reaches the recipient after the fee. If it's too much, top up the phone in your bank's app or at the operator. If you do pay here, remember: there's no change, and everything you insert goes to the phone account.
kiosk-fee--get-change = Insert a 20 note and wait for change
    .feedback = Most likely there'll be no change: most kiosks don't give any, and the whole amount minus the fee goes to the number you entered. If you don't have the right notes, pay through your bank's app instead.

## check-number

check-number = You decide to pay at the kiosk and type your sister's number from memory. Before paying, the kiosk shows the number, the operator and the amount and asks you to confirm. What do you do?
    .hint = Who will spot a single wrong digit if not you?
    .explanation = The kiosk checks that the number exists, but it doesn't know whose it is. Get one digit wrong and the money goes to someone else, and a completed payment isn't easy to get back. Check the number digit by digit against the contact in your phone or a message, not against your memory. If the kiosk shows the recipient's operator, check that too.
check-number--it-checks = Pay: the kiosk checks the number
    .feedback = The kiosk only checks that such a number exists. It won't notice a single wrong digit: to the kiosk, that's just another subscriber. Only you can check the number.
check-number--auto-refund = Pay: if it's wrong, they'll refund it
    .feedback = Most likely not by themselves. A mistaken payment has already gone to someone else, and getting it back takes a claim, a check and waiting, and only if the money hasn't been spent. It's easier to check the number before paying.
check-number--digit-check = Check each digit against my contacts
    .feedback = Right. Compare the number digit by digit with the contact or a message, and make sure the operator matches. That's half a minute that can save both money and nerves.
check-number--hurry = Pay quickly: there's a queue
    .feedback = The queue can wait half a minute. Wrong numbers happen mostly in a hurry, and fixing them later takes far longer than checking now.

## safe-call

safe-call = A month later, a call: "Your bank's security service. Someone is trying to take out a loan in your name. Withdraw your savings and deposit them at an ATM into a safe account. Install our protection app and hold your phone to the ATM's contactless reader, so the money goes to the right account." The caller knows your name and your bank. What do you do?
    .hint = Would your bank ever ask you to carry your cash to a "safe account"?
    .explanation = There's no such thing as a "safe account": it's always the fraudsters' account, whoever the caller says they are. The phone trick is newer: the "protection app" makes your phone act like the fraudsters' card at the ATM's contactless reader, so the cash you deposit lands on their card, and you even type the PIN they dictate. Your bank never asks you to move money to protect it, to install an app from a link, or to tap your phone at an ATM for someone else. Hang up and call your bank yourself using the number on your card or in its official app.
safe-call--do-as-told = Do as they say: it's security
    .feedback = Let's see where the money goes.
safe-call--check-number = Do it, but check the account first
    .feedback = There's nothing to check: the account, the app and the instructions all come from the fraudsters, and their account numbers look real. The only check that works is to hang up and call your bank on a number you already know.
safe-call--hang-up = Hang up, call the bank myself
    .feedback = Right. A call that tells you to move money to a "safe account" is a scam, however much the caller knows about you. Call your bank on the number on your card or in its official app, and if you've already installed an app at someone's request, tell the bank and remove it.
safe-call--ask-name = Ask for their name and staff number
    .feedback = A fraudster will give any name and "staff number", and you can't check them during the call. Don't keep talking: hang up and call your bank yourself.

## phone-tap

phone-tap = At the ATM, you hold your phone to the contactless reader, as the voice on the phone says, and type the PIN it dictates. The ATM takes your savings and shows "Deposit successful". Half an hour later, your bank's app still shows nothing: the app made your phone pretend to be the fraudsters' card, so the cash went onto their card. You made the deposit yourself, so your bank will most likely be unable to get it back.
    .hint = Press Next to go back to the call and choose again.
    .explanation = If this has happened, call your bank and the police at once and tell them everything; keep the receipts and the caller's number. But the only reliable protection is to hang up at the words "safe account".

## what-happened

what-happened = Back to ordinary deposits. Most of the time the money arrives without trouble. But sometimes the ATM takes the notes and doesn't credit them, or the money goes to the wrong number. Let's go through both cases in turn.
    .hint = Read and press Next: two questions follow, one for each case.
    .explanation = In both cases, act at once and only through official channels; the receipt is your main proof.

## not-credited

not-credited = The ATM took the notes, the screen froze, and then it said "Transaction failed". Your app shows no deposit. A man comes up: "It happens, I know how to fix it." What do you do?
    .hint = Who can actually check the ATM and return the money?
    .explanation = Cash that an ATM took but didn't credit stays inside the machine. The bank will compare the cash in the ATM with its transaction log and return the money to your account, but first it has to learn about the failure. Without leaving the ATM, call your bank using the number in its app or on the back of your card, give the ATM number (usually on a sticker on the machine), the address, the time and the amount, and keep the receipt if one was printed. Don't accept help from strangers, and don't call numbers on stickers.
not-credited--sticker = Call the number on the ATM's sticker
    .feedback = Careful: fraudsters stick fake "hotline" numbers on ATMs. Call only the number from your bank's app, its official website or the back of your card.
not-credited--stay-call = Stay and call my bank from its app
    .feedback = Right. Give the ATM number, address, time and amount, ask them to register a claim and note its number. The check can take from a few days to a few weeks, so keep the receipt until it's resolved.
not-credited--helper = Let the man help, he knows how
    .feedback = Don't. A "helper" may ask you to type your PIN in front of him or to hand him the cash so he can "deposit it through his card". That's how people often lose money a second time. Only the bank can fix an ATM failure.
not-credited--go-home = Leave: the money will turn up later
    .feedback = Sometimes an ATM does credit the money with a delay, but you can't count on it. Without a call the bank may not learn of the failure, and without the ATM number and the exact time a claim is harder to investigate. Call now.

## wrong-number

wrong-number = The second case. In the evening your sister says the money never arrived. You look at the receipt and see that two digits of the number are swapped. What do you do?
    .hint = Who can find the payment using your receipt?
    .explanation = A completed payment can't be undone with a button, but you can try to get it back. Take the receipt to the mobile operator whose number got the money and to the company that owns the kiosk: its name and phone number are usually on the receipt and on the kiosk itself. Write a claim about a mistaken payment and give the correct number. If the money hasn't been spent, it may be moved or refunded, but that's not guaranteed and takes time.
wrong-number--lost = Nothing can be done, the money's gone
    .feedback = Don't give up so fast. While the money hasn't been spent, the mobile operator can move it to the right number on your claim. The receipt with the kiosk number, the time and the amount is your main proof.
wrong-number--fixer = Hire people who "recover it for a cut"
    .feedback = That's a common trick: "payment recovery services" from ads and comments take a fee up front or get your card details, then vanish. Only the mobile operator or the kiosk's owner can return the payment, and you can file the claim with them yourself.
wrong-number--shop = Ask the shop's cashier for a refund
    .feedback = The shop most likely has nothing to do with it: the kiosk usually belongs to another company, and the shop just rents it the space. That company's name and phone number are on the receipt and on the kiosk itself.
wrong-number--claim = Write to the operator with the receipt
    .feedback = Right. Write a claim about the mistaken payment to the mobile operator and to the kiosk's owner, attach the receipt or a photo of it and give the correct number. Note the claim numbers and keep the receipt until it's resolved.

## done

done = Done! That's your part in depositing cash: the bank and the kiosk take and transfer the money, but choosing the machine, preparing the notes, checking the amount and the recipient, and keeping the receipt are up to you.
done--right-machine = Deposit cash at your own bank's cash-in ATM
done--bring-card = Bring your card or the recipient's exact number
done--flat-notes = Flatten the notes and remove rubber bands and clips
done--take-rejected = Take returned notes back from the tray right away
done--check-sum = Check the counted amount before confirming
done--check-fee = At third-party kiosks, read the fee before inserting cash
done--check-number = Check the recipient's number digit by digit before paying
done--keep-receipt = Keep the receipt until the money arrives
done--no-safe-account = Hang up on anyone who asks you to move cash to a "safe account" or to tap your phone at an ATM for them
done--official-line = If something fails, call your bank's official number and refuse help from strangers
