title = Warranty repairs and returns
description = Learn your part when a product breaks or doesn't suit you: proving the purchase, writing a claim, watching the deadlines and what to do if the seller refuses. About 5 minutes.

objective--keep-proof = Keep and gather proof of purchase, even if the receipt is lost
objective--write-claim = Write a claim that describes the fault precisely, and hand it in against an acknowledgement of receipt
objective--know-deadlines = Know when the seller's deadline starts and where to find how long it is
objective--handle-seller = Act correctly if the seller refuses or wants a quality check
objective--return-unwanted = Return a non-faulty item that doesn't suit you in time, unworn and with its tags

## intro

intro = The seller is responsible for the quality of what it sells. But for the warranty to work, you have to act: prove the purchase, describe the fault precisely, make a written claim and watch the deadlines. Our example: an electric kettle bought five months ago has stopped heating water. Rights and deadlines differ between countries; where this topic names them, they come from { $consumer-law }.
    .hint = Just read and press Next: the questions start on the next step.
    .explanation = A warranty only works if you use it. The seller won't know about a fault until you report it, and can't check it if the description is vague. A written claim with the date it was received is the point the deadlines count from, and what { $consumer-watchdog } or a court will look at later.

## proof

proof = The kettle was bought five months ago and paid for by card, but you didn't keep the receipt. What do you do?
    .hint = Apart from the receipt, what else can prove the purchase?
    .explanation = In many countries, Russia among them, not having a receipt doesn't by itself take away your rights. The purchase can be proved by a bank statement or the bank's payment notification, the order in the shop's app, an electronic receipt in your email or phone, or a warranty card stamped by the shop; Russian law even accepts witnesses. Still, a receipt makes it easier: keep receipts for appliances for the whole warranty period, and photograph paper ones, because they fade.
proof--no-receipt = Without a receipt it's hopeless
    .feedback = That's a common misconception, and some sellers exploit it. A missing receipt is usually no reason to refuse: a bank statement or the order in the app can prove the purchase.
proof--other-proof = Claim anyway, attach a bank statement
    .feedback = Right. Not having a receipt does not by itself take away your rights: a bank statement or notification, the order in the app or an electronic receipt can prove the purchase, and if there's none of that, witnesses can. Attach a copy of whatever you have to your claim.
proof--pay-repair = Take it to a paid repair shop
    .feedback = Then you'd pay for what the warranty gives you for free. Besides, after a repair at a third-party shop, it's easier for the seller to claim the fault was caused by tampering. Make your claim to the seller first.

## no-box

no-box = You threw the kettle's box away long ago. What now?
    .hint = What would the box be for, if the product is broken?
    .explanation = To hand in a faulty product for repair, replacement or a refund, you don't need the original packaging: the law doesn't make your rights depend on it. Bring the product with everything needed to check it, such as the base, and your proof of purchase. Don't take it apart yourself: opening it gives the seller a reason to say you caused the fault.
no-box--find-box = They won't take it; find a similar box
    .feedback = No need to look. If the product is faulty, missing packaging is no reason to refuse your claim. The seller needs the kettle itself and your proof of purchase.
no-box--fix-first = Open it and take a look myself first
    .feedback = Better not. Signs of opening give the seller a reason to say you caused the fault, and then the dispute gets much harder. Let a quality check find the fault.
no-box--go-as-is = Take it without the box, with the base
    .feedback = Right. A faulty product doesn't need its box. Bring everything needed to check the kettle, that is, the kettle itself and its base, plus your proof of purchase.

## remedy

remedy = At the shop you're told: "We don't handle warranty claims. Take it to the manufacturer's service centre." What do you say?
    .hint = Who is your sales contract with?
    .explanation = Your contract is with the seller, and in Russia and the EU the seller answers for a faulty product: it must accept it and, if needed, check its quality. The manufacturer's service centre is your option, not your obligation. What you can ask for depends on the law: in Russia, for an ordinary product like a kettle, you choose a repair, a replacement, a price reduction or a refund (for technically complex goods, such as smartphones, the rules are stricter after the first 15 days); in the EU you usually ask for a repair or a replacement first.
remedy--to-seller = Make my claim to the shop
    .feedback = Right. The seller must accept the faulty product. The manufacturer's service centre is your option, not your obligation, and a shop that sends you there is shifting its own duty onto you.
remedy--to-service = OK, go to the service centre
    .feedback = You can, but you don't have to: the law lets you make your claim to the seller who sold you the product. Besides, a service centre usually only repairs, and you may want a replacement or your money back.
remedy--only-repair = Warranty means repair only; agree
    .feedback = Not necessarily. Under Russian law, for an ordinary product like a kettle you choose: a repair, a replacement, a price reduction or a refund. Elsewhere the order may differ, but the choice is rarely "repair only".

## describe

describe = You sit down to write the claim. How do you best describe the fault?
    .hint = What will help the person checking the kettle see the fault for themselves?
    .explanation = Describe what you see, not guesses about the cause: what happens, since when, under what conditions and how often. For example: "Since 12 March the kettle switches off 10 to 20 seconds after being turned on and the water doesn't heat; this happens every time." Such a description is easy to check, and it's harder for the seller to reply that the fault wasn't confirmed. There's no need for a diagnosis like "the thermostat is broken": that's the job of the check.
describe--broken = Briefly: "The kettle is broken"
    .feedback = Too vague. It doesn't say what exactly doesn't work or how to check it. Describe the symptoms: what happens, since when and how often.
describe--diagnose = State the cause: a faulty thermostat
    .feedback = A guess about the cause may be wrong, and then the seller will reply that the thermostat works fine. Describe the symptoms, and let the quality check find the cause.
describe--symptoms = What, since when, and how it shows
    .feedback = Right. A precise description (what happens, since when, under what conditions and how often) is easy to check. The more specific the symptoms, the less chance you'll hear "fault not confirmed".
describe--emotions = Say what I think of their product
    .feedback = The feelings are understandable, but they won't help anyone check the kettle, and the key facts can get lost among them. Write calmly and stick to the facts: what, when, how it shows and what you want.

## write-claim

write-claim = Write the text of your claim. The facts: the kettle was bought on 14 October at a home appliance shop on Park Street for 49.90, paid by card; the receipt is lost. Since 12 March it switches off 10 to 20 seconds after being turned on, and the water doesn't heat. You want your money back.
    .hint = To whom and from whom, what was bought and when, what the fault is, what you want, date and signature.
    .explanation = Say who the claim is addressed to (the seller's legal name is usually on its website, the receipt or a notice in the shop) and who it's from (your full name and a phone number or address for the reply). State what was bought, when and for how much, and what proves it; what the fault is and since when; and what you want. Add that you're ready to hand the product over for a check, then date and sign it. Make two copies: one for the seller, and one for their acknowledgement of receipt.
    .feedback =
        Thank you! Compare your text with this example:
        To: the seller, ... Ltd, home appliance shop on Park Street
        From: Anna Brown, phone ...
        Claim
        On 14 October I bought an electric kettle from you for 49.90 and paid by card (a copy of my bank statement is attached). Since 12 March the kettle switches off 10 to 20 seconds after being turned on and the water doesn't heat; this happens every time. The fault appeared within the warranty period.
        I ask you to refund the 49.90 I paid within the time the law sets. I'm ready to hand the kettle over for a quality check, and I ask you to tell me when and where it will take place.
        Date, signature

## hand-in

hand-in = Your claim is ready. How do you hand it in?
    .hint = How will you prove later that the seller received the claim, and exactly when?
    .explanation = The deadlines for a response count from the day the seller received your claim, so you need to be able to prove it. Give the seller one copy, and on the other ask the employee to write the date of receipt, sign it and print their name. If they refuse to accept it, send the claim to the seller's address by registered letter with a list of contents and proof of delivery, and keep the post office receipt. A conversation or a messenger message is much harder to prove.
hand-in--oral = Tell the shop assistant in person
    .feedback = A conversation can't be proved later: neither the date nor what you asked for. The deadlines would start from a moment you can't confirm. Hand in the claim in writing and keep a copy with the acknowledgement.
hand-in--two-copies = Hand it in, get my copy signed
    .feedback = Right. The date, signature and printed name on your copy prove what the seller received and when: the deadlines count from that date. If they refuse to accept it, send a registered letter with a list of contents and proof of delivery.
hand-in--one-copy = Hand in my only copy
    .feedback = Then you'd have nothing left in your hands. If the claim "gets lost", you can't prove what you submitted or when. Make a second copy and ask them to mark it as received.
hand-in--messenger = Send a photo to the shop's messenger
    .feedback = That's one way to report the problem, but it's harder to prove that the seller actually received the claim, and when. A paper copy with an acknowledgement, or a registered letter with a list of contents and proof of delivery, is more reliable.

## deadlines

deadlines = The seller accepted your claim on 15 March. The assistant says: "We'll call you when it's sorted." What do you do?
    .hint = From which day does the seller's time run, and who decides how long it is?
    .explanation = The seller's deadline counts from the day it received your claim, not from the day its check ends or the day it calls you. { $faulty-goods-deadlines } Note the date your deadline runs out. If it passes, remind the seller in writing, quoting your claim and its date.
deadlines--when-ready = Wait for the call, however long
    .feedback = Let's see what an open-ended wait turns into.
deadlines--call-daily = Call the shop daily to hurry them
    .feedback = Daily calls wear you out and leave no record of anything. Find out the legal deadline, note the date it runs out, and if it passes, send a written reminder quoting your claim.
deadlines--shop-rules = Go by the deadline in the shop's rules
    .feedback = A shop's own rules can't leave you worse off than the law. Find out the legal deadline: it counts from 15 March, the day the seller received your claim.
deadlines--note-date = Note the legal deadline from 15 March
    .feedback = Right. The deadline counts from the day the seller received your claim, so 15 March is your starting point. { $faulty-goods-deadlines } Write down the date it runs out, and if it's missed, remind the seller in writing.

## long-wait

long-wait = Six weeks later, nobody has called. When you ring, you hear: "Your kettle is still in the queue for a check." You didn't note a deadline, so you have nothing to point to, and every week of waiting is another week without the kettle or the money.
    .hint = Press Next to go back to the question.
    .explanation = The deadline counts from the day the claim was received, whatever the seller says about queues. Knowing it from day one lets you remind the seller in time, in writing.

## seller-reply

seller-reply = A seller may agree at once, but often it first wants to check the product, and sometimes it refuses. Let's take both answers in turn: the refusal first, then the check.
    .hint = Read and press Next: two questions follow, one for each answer.
    .explanation = A quality check is the seller's legal right, and a refusal isn't the end: you have next steps.

## refused

refused = The seller replies: "You broke it yourself; this isn't covered by the warranty." It hasn't done any quality check. What do you do?
    .hint = What must a refusal be based on, and what can you do if you disagree?
    .explanation = In many countries, during the warranty period (in the EU, during the first year), it's up to the seller to prove you caused the fault, and words alone aren't enough. Ask for a written reply to your claim. If you disagree about the cause, ask for an independent expert examination; in Russia the seller must arrange it at its own expense, and you may attend it and challenge its findings. If the seller refuses without grounds or stays silent, you can complain to { $consumer-watchdog } and go to court.
refused--give-up = Arguing is pointless; let it go
    .feedback = "You broke it yourself" proves nothing without a check. During the warranty period, it's the seller who has to prove you're at fault. Your claim is already in, so the next step is to demand a check or an expert examination.
refused--review = Post an angry review and move on
    .feedback = A review may warn other buyers, but it won't get your money back. First secure your position: the seller's written reply, an expert examination, then a complaint to { $consumer-watchdog } or a court.
refused--in-writing = Ask for a written reply and an expert
    .feedback = Right. Blaming you for the fault must be backed by a check, and if you disagree about the cause, by an expert examination. With a written refusal in hand, you can complain to { $consumer-watchdog } or go to court.

## inspection

inspection = Another outcome: the seller says: "Leave the kettle with us and we'll do a quality check." What do you do?
    .hint = How will you prove later exactly what you left and in what condition?
    .explanation = Checking the product is the seller's right, and the seller pays for it. When you leave the product, get an acceptance document: what was accepted, its condition and what came with it, the fault you reported, and the date. Ask to be told when and where the check will take place (in Russia you have the right to attend) and to get the result in writing. If you disagree with it, you can ask for an expert examination; in Russia you'd only pay for it if it shows you caused the fault.
inspection--no-paper = Just leave it: no paperwork needed
    .feedback = Without a document, you can't prove that you handed in the kettle, when, or in what condition. Ask for an acceptance document: what was accepted, its condition, the fault reported and the date.
inspection--act-attend = Get an acceptance note, attend the check
    .feedback = Right. The acceptance document should state what was accepted, its condition and what came with it, the fault reported and the date. Ask to be told when the check takes place and to get its results in writing.
inspection--refuse-check = Refuse: refund me right away
    .feedback = Checking the product is the seller's right, and refusing it can drag the dispute out. It's better to take part: leave the product against an acceptance document and ask to be told when the check will be.
inspection--pay-check = Pay for the check since they ask
    .feedback = The seller checks the product at its own expense. In Russia, you might have to pay only for an expert examination, and only if it shows that you caused the fault.

## good-return

good-return = A different story, with nothing broken. You bought a jacket in a shop, and at home realised it's too small. A week has passed, you haven't worn it, and the tags are still on. What do you do?
    .hint = What decides whether the shop takes it back, and until when?
    .explanation = { $return-policy } In every case, an unworn item with its tags and proof of purchase, brought back early, is the easiest to return.
good-return--return-now = Check the rules and take it back now
    .feedback = Right. Don't wait. { $return-policy } Bring the jacket unworn, with its tags and proof of purchase.
good-return--sale-item = Can't return it: it was on sale
    .feedback = A discount doesn't by itself take away a right to exchange or return, where the law or the shop gives one. What matters is that the jacket is unworn, the tags are on, and you're within the deadline.
good-return--wear-more = Wear it a bit: it may stretch
    .feedback = Once you've worn the jacket outdoors, it's no longer unworn, and a return becomes much harder. Meanwhile, the deadline keeps running. Decide now, trying it on at home with the tags still on.
good-return--any-time = Return it whenever: no rush
    .feedback = Timing matters. { $return-policy }

## done

done = Done! That's your part in warranty repairs and returns: the seller answers for the product's quality, while the proof, a clear written claim and keeping track of deadlines are up to you.
done--keep-proof = Keep the receipt or other proof of purchase for the whole warranty period
done--no-receipt = Remember: a lost receipt rarely means lost rights; a bank statement or the order in the app can prove the purchase
done--no-box = Bring a faulty product even without its box, but don't take it apart yourself
done--your-choice = Ask the seller, not the service centre; know what your law lets you ask for
done--symptoms = Describe the fault: what happens, since when and how often
done--in-writing = Make your claim in writing and keep a copy marked as received
done--deadlines = Note the day the seller got your claim and the deadline that runs from it
done--refusal = Answer a verbal refusal by asking for a written reply and an expert examination
done--check-act = When leaving a product for a check, get an acceptance document and ask to attend
done--in-time = Return a non-faulty item early, unworn, with its tags, within the deadline
