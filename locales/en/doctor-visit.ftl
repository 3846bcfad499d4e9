title = Seeing a doctor, in person or online
description = Learn your part in a doctor's appointment or video consultation: preparing your story and medicines, honest answers, the limits of telemedicine, understanding the plan and acting when things change. About 5 minutes.

objective--prepare-story = Prepare a symptom timeline, a full list of your medicines and your questions
objective--be-honest = Answer honestly about alcohol, skipped doses and everything you take
objective--telemed = Get ready for a video consultation, know what it can't do, and when to call { $emergency } instead
objective--understand-plan = Check that you've understood the plan, and follow it
objective--report-changes = Act safely when symptoms get worse or a medicine causes side effects

## intro

intro = The doctor brings knowledge, an examination and tests. But only you know when the symptoms started, what you take and how the treatment is really going. The example: you've had a cough for three weeks that won't go away, and you've booked an appointment. This is general guidance and doesn't replace your doctor's advice.
    .hint = Just read and press Next: the questions start on the next step.
    .explanation = An appointment is usually short, and a diagnosis relies heavily on what the patient tells the doctor. A clear story, a full list of medicines and honest answers help the doctor decide faster and more safely. Following the plan and reporting changes is your part too. This topic gives no medical advice about any specific illness.

## prepare

prepare = The appointment is tomorrow. What do you prepare?
    .hint = What does the doctor need to know that only you can tell?
    .explanation = Prepare in writing: a symptom timeline (when it started, how it has changed, what helps or makes it worse), every medicine and supplement with doses, allergies, previous test results and discharge notes, and the questions you want to ask, most important first. Take your ID and insurance documents if your clinic needs them.
prepare--nothing = Nothing: the doctor will ask
    .feedback = The doctor will ask, but in a hurry and under stress people forget details and the questions they meant to ask. Notes made at home are more complete.
prepare--online-dx = The diagnosis I found online
    .feedback = You can say what worries you, but start with your symptoms, not a ready-made diagnosis: it can steer the conversation the wrong way. Let the doctor work from the facts.
prepare--notes = Timeline, medicines, results, questions
    .feedback = Right. When it started and how it changed, all your medicines and allergies, previous test results or discharge notes, and a list of questions. Write it all down.

## write-timeline

write-timeline = Write your symptom timeline for the doctor in 2–3 sentences. The facts: the cough began three weeks ago after a cold, with a temperature of 37.8 °C for the first three days; for the past week there's been phlegm in the mornings, and it's worse at night; cough syrup barely helps. Your text is not saved.
    .hint = When it started, how it has changed, what helps or makes it worse, and what you've already tried.
    .explanation = A good timeline goes in order: when it started and after what, how it has changed (worse, better, any new symptoms), when it's worse (time of day, after what), and what you've tried and whether it helped. Add numbers where you have them: temperature, dates, doses. Keep it short enough to tell in a minute.
    .feedback =
        Thank you! Compare with an example:
        The cough started three weeks ago after a cold; for the first three days my temperature went up to 37.8 °C, now it's normal.
        For the past week I've been coughing up phlegm in the mornings, and the cough is worse at night.
        I take an over-the-counter cough syrup (the name and dose are on my medicine list); it barely helps.

## meds

meds = You take a blood pressure pill every day, a painkiller now and then, and vitamins with a herbal supplement. Which of these do you list for the doctor?
    .hint = Which of these could affect a new prescription?
    .explanation = List everything you take: prescription medicines, over-the-counter ones (painkillers, cold remedies), vitamins, supplements and herbal remedies, with names, doses and how often. Add allergies and any bad reactions to medicines in the past. This helps the doctor avoid dangerous combinations and duplicate prescriptions. Photos of the packaging are a quick way to bring the list.
meds--prescribed = Only the pressure pill: it's prescribed
    .feedback = Over-the-counter painkillers, vitamins and herbal remedies also act on the body and can interact with other medicines. To prescribe safely, the doctor needs the full picture.
meds--all = All of them, with names and doses
    .feedback = Right. Prescription and over-the-counter medicines, vitamins, supplements and herbal remedies, each with its name and dose. Photos of the packaging work too.
meds--in-records = None: it's all in my records
    .feedback = Records are often incomplete: what another clinic prescribed or what you bought yourself may be missing. And the doctor needs to know what you actually take, not only what was prescribed.
meds--herbs-fine = Leave out the herbs: they're natural
    .feedback = Natural doesn't mean harmless: St John's wort, for example, can weaken the effect of some medicines. Mention herbal remedies too.

## honesty

honesty = The doctor asks how much alcohol you drink and whether you take the pressure pill regularly. You drink more than you'd like to admit and often skip doses. What do you say?
    .hint = What might the doctor decide if they think you never miss a dose?
    .explanation = Doctors ask about alcohol, smoking and skipped doses not to judge you but because it changes the diagnosis and the treatment. If the doctor thinks you take every dose, they may decide the medicine isn't working and raise the dose or add another one. Alcohol interacts with many medicines. Answer honestly and specifically: how much, how often, which doses you skip and why.
honesty--say-less = Play it down to avoid a lecture
    .feedback = Understandable, but then the doctor works with the wrong data: they may decide the medicine isn't working and raise the dose, or miss an interaction with alcohol. Doctors hear answers like these every day.
honesty--truth = The truth about both
    .feedback = Right. Honest answers about alcohol and skipped doses change what the doctor prescribes and can prevent a dangerous combination. You can also ask for tips on remembering your pills.
honesty--unrelated = That it has nothing to do with my cough
    .feedback = It may well be related: alcohol affects sleep, immunity and how medicines work, and skipped pressure pills matter for any treatment plan. Let the doctor decide what's relevant.

## telemed

telemed = You've chosen a video consultation instead of going to the clinic. How do you get ready?
    .hint = What can go wrong with a call that can't happen in a doctor's office?
    .explanation = For a video consultation, you provide the consulting room: a charged device and stable internet, a quiet place where nobody overhears, good light on your face so the doctor can see you, and your documents at hand (notes, medicine list, previous results, ID if needed). Test the app a few minutes early. A thermometer or blood pressure monitor, if you have one, can be useful too.
telemed--on-the-go = Join from the bus on my way to work
    .feedback = Noise, a bad connection and people around make it hard to describe symptoms and hear the advice, and you can't write anything down. Find a quiet place.
telemed--nothing = Nothing: it's just a video call
    .feedback = It's still a medical appointment, only shorter and more fragile than a visit: a flat battery or a missing test result eats into the time. Prepare as you would for the clinic.
telemed--ready = Charged phone, quiet room, good light
    .feedback = Right. Also keep your notes, medicine list and previous results at hand, with a pen to write down the plan. Check the app and the connection in advance.

## telemed-limits

telemed-limits = It's your first video consultation with this doctor, about a cough that won't go away. You hope to finish the call with a diagnosis and a prescription. What do you do?
    .hint = Can a doctor do everything on a video call that they can do in the office?
    .explanation = A video call can't replace an examination, and the law may limit it too. { $telemedicine-rule } So before booking, check what the consultation can give you. If the doctor asks you to come in, that's part of the care, not a failure of the service.
telemed-limits--expect-rx = Expect both, as at the clinic
    .feedback = You may be disappointed, and it won't be the doctor being unhelpful. { $telemedicine-rule }
telemed-limits--ask-first = Ask the service what the call can do
    .feedback = Right. Knowing the limits in advance, you'll use the call for what it can do: your questions, the doctor's view of how urgent it is, and whether you need to come in. { $telemedicine-rule }
telemed-limits--skip-visit = If asked to come in, skip it
    .feedback = If the doctor asks you to come in, it's because they need to examine you: listen to your lungs, look at your throat, order tests. Skipping that visit leaves the cough unexplained. Book it.

## red-flags

red-flags = 🚨 Some symptoms can't wait for a video call. If you become short of breath even at rest, or your chest hurts, call { $emergency } straight away: it can be a heart attack or a blood clot in the lungs, and help is needed immediately, not in a few hours. The same goes for coughing up blood, blue lips, confusion or fainting. If in doubt, call anyway: the operator will help you decide.
    .hint = Read it and press Next: these are the symptoms that never wait for a scheduled call.
    .explanation = A telemedicine doctor can't listen to your lungs, examine you or give urgent help, and a clinic's app chat answers with a delay. With red flags, call { $emergency } first; if you still need the consultation afterwards, tell the doctor what happened.

## repeat-back

repeat-back = At the end, the doctor quickly lists: a blood test, a new medicine twice a day for seven days, and come back if you're not better. What do you do?
    .hint = How can you check that you've understood the plan correctly?
    .explanation = Say the plan back in your own words: what to take, how much, when and for how long, which tests to have, when to come back and which signs mean you should get in touch sooner. Ask about anything unclear: what the medicine is for, its common side effects, whether it goes with what you already take. Ask for the plan in writing or in the app.
repeat-back--repeat = Repeat it back, ask what's unclear
    .feedback = Right. For example: "So, the test tomorrow morning, the tablets twice a day after meals for seven days, and if the fever comes back, I call you. Is that right?" Ask for the plan in writing too.
repeat-back--nod = Nod: I'll remember
    .feedback = Right after an appointment, people forget a large part of what they were told, especially when they're worried. Ten seconds to repeat the plan back can save you from mistakes at home.
repeat-back--search = Look it all up online later
    .feedback = Online you'll find general answers, not your doctor's reasoning about you. Ask now, while the doctor can explain what it means in your case.

## follow-plan

follow-plan = Day three of seven. You feel much better. What do you do with the medicine?
    .hint = Who decided how long you should take it, and why?
    .explanation = How much and for how long you take a medicine is part of the treatment, not a suggestion. Feeling better is a good sign, but with some treatments, stopping early makes it more likely that the problem comes back. If you want to change or stop anything, ask your doctor or pharmacist first. Don't keep leftovers to treat yourself later.
follow-plan--stop = Stop taking it: I'm better
    .feedback = "Better" doesn't always mean the treatment has done its job, and with some medicines stopping early can bring the illness back. If you want to stop, ask the doctor first.
follow-plan--as-planned = Take it as planned, or ask the doctor
    .feedback = Right. How long to take it is part of the prescription. If you feel you no longer need the medicine, ask the doctor rather than deciding on your own.
follow-plan--save-rest = Keep the rest for next time
    .feedback = Next time the cause may be different, and the wrong medicine can hide symptoms or do harm. Take it as prescribed, and don't treat yourself with leftovers later.

## what-changed

what-changed = A few days into the treatment, things can go wrong: the symptoms get worse, or you react to a medicine. Let's take both cases in turn.
    .hint = Read and press Next: two questions follow, one for each case.
    .explanation = These are the two common reasons to contact the doctor between appointments. In neither case should you wait for the next scheduled visit, and what to do depends on how serious it is.

## worse

worse = On day four, the cough is worse and your temperature is back up to 38.5 °C. The follow-up appointment is in ten days. What do you do?
    .hint = Is the plan still working, and who can change it?
    .explanation = If symptoms get worse during treatment, contact your doctor or clinic promptly instead of waiting for the follow-up: the diagnosis or the plan may need to change. Say what changed and when, with numbers (temperature, how often). Don't change doses or add medicines on your own. If red flags appear, such as difficulty breathing, chest pain or confusion, call { $emergency }.
worse--wait = Wait for the follow-up in ten days
    .feedback = Getting worse during treatment is a reason to contact the doctor now, not in ten days: the plan may need changing. The doctor did say to come back if you're not better.
worse--double = Double the dose so it works faster
    .feedback = A double dose means more side effects, not a faster recovery, and some medicines are dangerous in overdose. Only the doctor should change the dose.
worse--leftovers = Add old antibiotics from the cabinet
    .feedback = Leftover antibiotics may not suit this infection at all, and taking antibiotics when they aren't needed, or in the wrong dose, helps bacteria become resistant. Don't add anything without the doctor.
worse--call-doctor = Contact the doctor today
    .feedback = Right. Call the clinic or write to the doctor today and say what changed and when. If red flags appear, such as difficulty breathing or chest pain, call { $emergency } instead.

## side-effect

side-effect = The second case. Two days after starting the new medicine, you have an itchy rash and mild nausea. What do you do?
    .hint = Who can tell you whether to stop this medicine, and how?
    .explanation = Report side effects to your doctor or pharmacist promptly: what happened, when, and after which dose. Don't stop prescribed medicines abruptly on your own without asking: some, such as certain blood pressure medicines, antidepressants or steroids, can cause problems when stopped suddenly, while others are right to stop at once, and that's for the doctor to say. Signs of a severe allergic reaction (swelling of the face, lips or tongue, difficulty breathing, feeling faint) need { $emergency } immediately.
side-effect--stop-all = Stop all my medicines at once
    .feedback = Some medicines, including some for blood pressure, are dangerous to stop abruptly, while others should be stopped straight away. Your doctor or pharmacist will tell you which is which: ask them before you stop anything.
side-effect--ask-doctor = Call the doctor or pharmacist and ask
    .feedback = Right. Describe the reaction and when it started, and ask whether to keep taking the medicine. If your face, lips or tongue swell or breathing gets hard, call { $emergency } at once.
side-effect--endure = Put up with it: it'll pass
    .feedback = Some side effects do pass, but a rash can be the start of an allergic reaction, and the doctor needs to know in order to decide what to do. Don't keep quiet about it.
side-effect--swap = Switch to a similar one myself
    .feedback = A "similar" medicine may contain the same active substance or cause the same reaction, and it may not suit your condition. Ask the doctor for a replacement.

## done

done = Done! That's your part as a patient: the doctor brings knowledge and an examination; you bring the facts, honesty and follow-through.
done--timeline = Write down your symptoms: when they started, how they changed, what helps
done--med-list = List every medicine and supplement with doses, and your allergies
done--documents = Bring previous results, discharge notes and your questions
done--honest = Answer honestly about alcohol and skipped doses
done--telemed = For a video call: charged device, quiet and bright place, documents at hand
done--telemed-limits = Ask beforehand what a video call can do, and go in person when asked
done--red-flags = With red flags like breathing trouble or chest pain, call { $emergency }, don't wait for a video call
done--repeat = Repeat the plan back in your own words and ask about anything unclear
done--follow = Follow the plan; don't change or stop medicines without asking the doctor
done--report = If you get worse or have side effects, contact the doctor promptly
