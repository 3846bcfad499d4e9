title = Withdrawing cash at an ATM
description = Learn your part in a safe cash withdrawal: picking and checking an ATM, guarding your PIN, and what to do if the ATM keeps your card or your money. About 5 minutes.

objective--check-atm = Choose a safer ATM and check it for skimmers and hidden cameras
objective--protect-pin = Keep your PIN private from cameras, strangers and "bank staff"
objective--check-fees = Check fees and limits before confirming the amount
objective--take-card-cash = Leave with your card, your cash and your receipt
objective--act-on-failure = Act correctly if the ATM keeps your card or doesn't give out the cash

## intro

intro = The bank keeps the ATM running and the money safe. But a few things only you can do: pick the machine, guard your PIN, take everything with you and react quickly if something goes wrong. Let's walk through a withdrawal.
    .hint = Just read and press Next: the questions start on the next step.
    .explanation = This topic is about what depends on you. The bank cannot see a skimmer on a street ATM at the moment you use it, and it cannot cover the keypad for you. Most ATM losses come from small habits, and those habits are what we'll practise.

## choose-atm

choose-atm = You need cash in the evening. Which ATM do you pick?
    .hint = Think about where it's harder to attach something to an ATM unnoticed.
    .explanation = Fraudsters need time and privacy to fit a skimmer or a camera. ATMs inside bank branches, lobbies and busy shopping centres are watched by staff and cameras and are checked more often. Isolated machines in dark or quiet places are the easiest targets, and so is the person using them.
choose-atm--bank-branch = One inside a bank branch or lobby
    .feedback = Right. It's well lit, covered by cameras and serviced often, so it's much harder to tamper with unnoticed. If it's your own bank's ATM, there are usually no extra fees either.
choose-atm--dark-street = The nearest one on a dark street
    .feedback = Convenient, but risky. A dark, quiet spot is where skimmers are fitted most easily, and nobody will notice if someone watches you type your PIN or follows you.
choose-atm--quiet-corner = A standalone one in a quiet passage
    .feedback = Not the best choice. Nobody keeps an eye on an isolated machine, so a skimmer or camera can stay there for days. Choose an ATM where staff or passers-by are around.
choose-atm--any-atm = Any, they're all the same
    .feedback = Unfortunately not. ATMs differ in how often they're checked and how easy they are to tamper with. Location and the owning bank also affect fees.

## check-atm

check-atm = Before inserting your card, you notice the card slot wobbles and sticks out, and there's an extra strip above the keypad. What do you do?
    .hint = These are the classic signs of a skimmer and a hidden camera.
    .explanation = A skimmer is an overlay on the card slot that copies the card's data; a pinhole camera or a fake keypad captures the PIN. Look for parts that are loose, bulky, a different colour, glued on, or have tiny holes. If something looks odd, don't use the ATM and tell the bank. If your card and the ATM support contactless, tapping the card avoids the card slot entirely, but you still need to shield your PIN.
check-atm--cover-pin = Use it, but cover the PIN
    .feedback = That's only half the protection. Covering the keypad hides your PIN from a camera, but a card slot overlay still copies your card. A fake keypad overlay records the PIN whatever you cover.
check-atm--pull-it-off = Pull the strange part off myself
    .feedback = Better not. It's not your job, you might damage the ATM, and the people who fitted the device may be nearby. Just don't use it and report it to the bank.
check-atm--use-another = Use another ATM and tell the bank
    .feedback = Right. Don't put your card in, go to another ATM and report the address to the bank that owns this one, using the number from its official website or app.
check-atm--just-old = Use it: it's probably just worn
    .feedback = Risky. A loose or bulky slot and an extra strip above the keypad are exactly what a skimmer and a hidden camera look like. When in doubt, choose another ATM.

## protect-pin

protect-pin = The ATM looks fine and you insert your card. How do you enter your PIN?
    .hint = Someone might be watching over your shoulder, and a camera might be filming from above.
    .explanation = Cover the keypad with your other hand or your wallet while typing, even if nobody is around: a hidden camera doesn't show itself. Keep your PIN only in your head: don't write it on the card and don't keep a note with it in your wallet. If the card and the note are stolen together, the bank may refuse to return the money.
protect-pin--type-fast = Type it fast so nobody sees
    .feedback = Speed doesn't help. A camera records every frame, and a person behind you can easily follow your finger. Cover the keypad.
protect-pin--cover-hand = Cover the keypad with my hand
    .feedback = Right. Your hand blocks both a hidden camera and anyone looking over your shoulder. Make it a habit at every ATM and every shop terminal.
protect-pin--note-card = Read it from a note kept with the card
    .feedback = Dangerous. If your wallet is stolen, the thief gets the card and the PIN together. Many banks' terms treat a PIN stored with the card as your fault, so the money may not be returned.
protect-pin--let-help = Ask a kind stranger to type it
    .feedback = Never do that. Whoever types your PIN knows it, and "helpful" strangers at ATMs are a common fraud trick. If you need help, ask bank staff inside the branch, and don't tell your PIN to them either.

## pin-request

pin-request = A man in a bank-style vest comes up: "I'm from the bank, this ATM is faulty. Tell me your PIN and I'll check your card." What do you do?
    .hint = Who really needs to know your PIN?
    .explanation = Nobody except you: not bank staff, not security, not the police. The bank doesn't need your PIN to check a card or an ATM. Anyone who asks for it, in person, by phone or in a message, is a fraudster. Take your card, walk away and call your bank using the number in its app or on the back of your card.
pin-request--tell-staff = Tell him, since he's from the bank
    .feedback = That's exactly the trick. A vest or a badge is easy to fake, and no bank employee needs your PIN. With the PIN and a glimpse of your card, they can empty your account.
pin-request--type-for-him = Let him watch me type it instead
    .feedback = That's the same as saying it. Whoever sees you type the PIN knows it. Keep the keypad covered and don't let anyone stand next to you.
pin-request--refuse = Refuse and call the bank myself
    .feedback = Right. Real bank staff never ask for a PIN. Keep your card, step away and call the number in your bank's app or on the back of the card to report it.

## choose-amount

choose-amount = You choose the amount, and the screen warns that this ATM belongs to another bank and may charge a fee. What do you do?
    .hint = Fees and limits are part of what you agreed to, and you can check them before confirming.
    .explanation = Your bank and the ATM owner may each charge a fee, often a percentage with a fixed minimum per withdrawal. There are also daily and monthly withdrawal limits. Abroad, pick the local currency when the ATM offers to convert: its own conversion rate is usually worse. Your bank's app or tariff page shows the fees and limits for your card.
choose-amount--just-accept = Accept: fees are always tiny
    .feedback = Not always. With a fixed minimum charge, a small withdrawal can cost a noticeable share of the amount. It takes a few seconds to read the fee before confirming.
choose-amount--split-small = Take several small amounts instead
    .feedback = That usually costs more. Many fees have a fixed minimum per withdrawal, so three small withdrawals can mean three minimum fees. It also uses up your limits faster.
choose-amount--credit-card = Use my credit card instead
    .feedback = Usually the most expensive option. Cash from a credit card often carries a high fee, and interest may start at once, without a grace period. Check your card's terms first.
choose-amount--check-fee = Check the fee, cancel if too high
    .feedback = Right. Look at the fee on the screen or in your bank's app. If it's too high, cancel and find an ATM of your own bank or a partner bank. That's usually free.

## take-card-cash

take-card-cash = The ATM returns your card and starts counting the cash. Your phone rings. What do you do?
    .hint = What happens to a card or cash that nobody takes?
    .explanation = Many ATMs return the card first so you don't forget it, then give out the cash. If the cash isn't taken within about half a minute, the ATM may pull it back in, and getting it back means a claim to the bank. Some machines just leave the cash in the slot for the next person. Take the card, wait for the cash, put both away, and only then deal with your phone.
take-card-cash--answer-call = Step aside to answer the call
    .feedback = Risky. While you're talking, the ATM may retract the cash, or someone else may take it. Distracting you is also a known fraud trick. Finish at the ATM first.
take-card-cash--take-both = Take card and cash, then answer
    .feedback = Right. The call can wait a minute; your card and cash can't. Put both away before you step aside.
take-card-cash--cash-only = Take the cash, leave the card for now
    .feedback = The card won't wait. An ATM keeps a card that isn't taken in time, and a card left in the slot can be grabbed by the next person. Take your card first.

## receipt

receipt = You've got the card and the cash. What about the receipt?
    .hint = A receipt can be proof if something turns out wrong later.
    .explanation = Check that the amount on the receipt matches the notification from your bank, and count the cash. Keep the receipt until the withdrawal appears on your statement. If there's a problem, it shows the ATM number, the time and the amount. Don't leave receipts in the ATM: they can show part of your card number and your balance.
receipt--check-keep = Check it against the SMS and keep it
    .feedback = Right. Compare the amount with the SMS or app notification, count the cash and keep the receipt until the withdrawal shows up in your statement.
receipt--leave-it = Leave it in the ATM tray
    .feedback = Better not. The receipt can show part of your card number and your balance, which helps fraudsters sound convincing. And you'll need it if something goes wrong.
receipt--no-need = No need, the bank has records
    .feedback = The bank does have records, but a receipt with the ATM number, time and amount makes any claim faster and easier. It's worth keeping for a while.

## what-happened

what-happened = Most of the time everything goes smoothly. But two things happen sooner or later to anyone who uses ATMs often: the ATM keeps the card, or it gives no cash while the money is debited. Let's take them in turn: the card first, then the cash.
    .hint = Read and press Next: two questions follow, one for each case.
    .explanation = In both cases, what you do in the first few minutes matters most: stay at the ATM, don't accept help from strangers, and call your bank only on its official number.

## card-kept

card-kept = The ATM has kept your card. A man behind you says: "Happened to me too. Enter your PIN again and press Cancel twice." What do you do?
    .hint = The number on the back of your card isn't available now, so where else can you find your bank's number?
    .explanation = Don't follow a stranger's "tricks": some devices trap the card on purpose, and the fraudster only needs your PIN to take it later. Stay at the ATM and call your bank using the number in its app, on its official website or saved in your contacts. Don't use a phone number stuck on the ATM: fraudsters put up fake ones. Block the card if it can't be returned right away, and note the ATM's address and ID number, the time and the bank that owns the ATM.
card-kept--retry-pin = Follow his advice, re-enter the PIN
    .feedback = This is a known scam. A device may be holding your card, and the "helpful" man now watches you type your PIN. Once you leave, he takes the card and knows the PIN.
card-kept--sticker = Call the number on the ATM sticker
    .feedback = Careful: fraudsters stick fake "hotline" numbers on ATMs. Use only the number from your bank's app, its official website or your saved contacts.
card-kept--call-bank = Stay and call the number in my bank app
    .feedback = Right. Tell the bank what happened and block the card if it can't be returned quickly. Note the ATM's address and ID, the time and the bank that owns it. If the ATM belongs to your bank, the card can often be returned; otherwise it's usually reissued.
card-kept--go-home = Go home and call the bank tomorrow
    .feedback = Too late. If the card was trapped on purpose, the fraudsters will get it once you leave. Call the bank now, from the ATM, and block the card if it can't be returned right away.

## no-cash

no-cash = The second case, on another day. The ATM whirred, but no cash came out. A moment later your bank's app shows the amount debited. What do you do?
    .hint = What will you need later to prove what happened, and who should hear about it first?
    .explanation = Don't leave with nothing written down. Note the ATM's address and ID number (usually on a sticker on the machine), the bank that owns it, the time and the amount, and keep the receipt if one was printed. Call your bank right away from the ATM and file a claim. Sometimes cash is held back by a fraudster's device, another reason to call from right there. Sometimes the ATM cancels the transaction itself and the money comes back in a few days, but don't count on it.
no-cash--try-again = Try again at the same ATM
    .feedback = Not a good idea. A faulty ATM can debit you a second time, and then you'll have two amounts to recover. Record the details and call your bank.
no-cash--note-call = Note the ATM details and call my bank
    .feedback = Right. ATM address and ID, time, amount and the receipt are what the bank needs. Calling while you're still at the ATM helps: the bank can record the failure straight away.
no-cash--leave-wait = Leave and check the app tomorrow
    .feedback = Sometimes the money does come back by itself, but not always. Without the ATM number and exact time, your claim will be harder. Note everything and call your bank now.
no-cash--let-fix = Let a stranger try to fix it
    .feedback = Don't. A "helper" may be the person who fitted a device that holds the cash back. Don't let anyone near the ATM, and call your bank.

## claim

claim = The ATM belonged to another bank. Where do you file your claim, and what happens next?
    .hint = Which bank do you have an agreement with?
    .explanation = The claim goes to your own bank, the one that issued the card. It deals with the ATM owner through the payment system, checks the ATM's cash count and records, and then returns the money if the cash wasn't given out. This takes time. In Russia, the law on the national payment system gives the bank up to 30 days to respond (up to 60 for cross-border transactions); elsewhere, your bank's terms and local rules set the deadline. Keep the claim number and your receipt until it's resolved.
claim--atm-owner = The bank that owns the ATM
    .feedback = You can let them know too, but they don't have an agreement with you. The claim goes to the bank that issued your card, and it deals with the ATM owner.
claim--next-day = My bank; money back by tomorrow
    .feedback = Right bank, but expect it to take longer. The bank has to reconcile the ATM's cash and records, which usually takes days or weeks. In Russia, for example, the law allows the bank up to 30 days.
claim--my-bank = My own bank; it may take weeks
    .feedback = Right. Your bank handles the dispute with the ATM owner for you. Ask for the claim number and the deadline, and keep the receipt. In Russia, for example, the bank has up to 30 days to respond (60 for cross-border transactions).

## done

done = Done! That's your part of an ATM withdrawal: the bank runs the machine, but the choice, the checks and the first reaction are up to you.
done--safe-atm = Use ATMs inside bank branches or busy, well-lit places
done--inspect = Check the card slot and keypad; if anything is odd, use another ATM
done--shield-pin = Cover the keypad with your hand when typing your PIN
done--never-tell = Never tell your PIN to anyone, "bank staff" included
done--check-fees = Check fees and limits before confirming the amount
done--take-both = Don't step away until you've taken the card and the cash
done--keep-receipt = Check the receipt against the SMS and keep it
done--official-line = Call your bank only via the number in its app, on its website or on your card
done--note-details = If something fails, note the ATM's address, ID, time and amount

## Follow-up, a week later
followup = Have you withdrawn cash at an ATM on your own since?
followup--card-kept = The ATM kept my card
    .help = Stay by the ATM and call { $provider } at once on the number on the back of your card or on the official website, not a number stuck on the machine or offered by a passer-by. Block the card in { $provider-app } if you cannot get through. Never type your PIN again for someone "helping".
followup--no-cash = The money did not come out
    .help = Keep the receipt or take a photo of the screen, note the ATM's address and the time, and tell { $provider } straight away through { $support-channels }. The bank checks the ATM's cash count; the claim is answered within the deadline { $provider } gives you.
followup--wrong-amount = I got a different amount
    .help = Count the cash in front of the ATM's camera, keep the receipt and report the difference to { $provider } the same day through { $support-channels }: the cash count at the end of the day shows the surplus or shortfall.
followup--fee-surprise = There was an unexpected fee
    .help = Check the fee in { $provider-app } under the transaction and in your card's terms. Next time, read the fee on the screen before you confirm: you can always cancel at that point and use your own bank's ATM.
