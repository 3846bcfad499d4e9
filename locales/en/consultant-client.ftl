title = Working with a psychologist
description = Learn your part in working with a psychologist: choosing a qualified one, a clear request, honesty, the work between sessions, feedback, when to change specialist, and what to do in a crisis. About 6 minutes.

objective--check-fit = Check a psychologist's training and terms, and know when you need a doctor as well
objective--form-request = Put your request into words: what is happening now and what you want instead
objective--do-the-work = Be honest in sessions and do the work between them
objective--give-feedback = Tell the psychologist what helps and what doesn't
objective--change-specialist = Recognise when to end the work or change specialist
objective--urgent-help = Recognise a crisis and get urgent help instead of waiting for a session

## intro

intro = "I've come to you, now solve my problem" is how many people start with a psychologist. But a psychologist doesn't fix you the way a mechanic fixes a car: they bring questions, methods and an outside view, and the change happens in your own life, between sessions. The example: for months you've been anxious and snapping at your partner, and you've decided to see a psychologist.
    .hint = Just read and press Next: the questions start on the next step.
    .explanation = The result of therapy depends on both of you. The psychologist brings training, methods and an outside view; you bring the request, honesty, the effort between sessions and feedback on the process. Without your part, even a very good psychologist can do little. This topic gives general guidance and doesn't replace a professional's advice.

## check-fit

check-fit = You've found a psychologist whose posts you like. What do you check before the first paid session?
    .hint = What tells you about competence and honesty rather than popularity?
    .explanation = Before you start, check the psychologist's training (a degree in psychology and training in a recognised method), whether they have supervision and follow a professional code of ethics. Agree the terms in advance: price, length and frequency of sessions, cancellation rules, confidentiality and its limits. A good specialist also tells you what they don't work with and refers you to someone else when needed.
check-fit--followers = Follower count and reviews
    .feedback = Popularity shows marketing skills, not professional ones, and reviews are easy to pick and choose. Look at training, method and terms of work.
check-fit--guarantee = That they promise a quick result
    .feedback = A promise like "you'll be a new person in three sessions" is a warning sign. The result depends on you too, and an honest specialist says so. Look for clear terms, not guarantees.
check-fit--training = Training, method and terms of work
    .feedback = Right. Ask where they trained, which method they use and whether they have supervision, and agree the terms: price, length, cancellations, confidentiality and what they don't work with.

## who-to-see

who-to-see = Before the first session, you notice more: for two months you've been sleeping badly, nothing brings you joy, and work is getting harder. What do you do?
    .hint = Who is trained to look into health problems, and who works with feelings and relationships?
    .explanation = A psychologist helps with emotional difficulties and relationships but doesn't make medical diagnoses or prescribe medicines. A doctor (your GP or a psychiatrist) can assess health problems and treat them if needed. Weeks of poor sleep, low mood and trouble working are a reason to see a doctor too, alongside the psychologist or before. This is not a diagnosis: only a specialist can assess what's going on.
who-to-see--coach-same = The psychologist will sort it out
    .feedback = A psychologist can help a lot, but can't rule out a medical cause or prescribe treatment if it's needed. Symptoms like these that last for weeks should also be seen by a doctor.
who-to-see--doctor = See a doctor as well, and tell both
    .feedback = Right. Sleep and mood problems that last for weeks are a reason to see a doctor (your GP or a psychiatrist). Tell the psychologist about it too: the two kinds of help work well together.
who-to-see--wait = Wait: it'll pass by itself
    .feedback = Sometimes it does, but two months of poor sleep and low mood that get in the way of work are a reason to get checked, not to wait. The sooner you see a specialist, the easier it usually is.
who-to-see--self-test = Diagnose myself with online tests
    .feedback = Online tests can nudge you to seek help, but they can't make a diagnosis, and self-diagnosis can either scare you or falsely reassure you. Take the results to a specialist.

## request

request = At the first session, the psychologist asks: "What would you like to work on?" Which answer gives you both the most to work with?
    .hint = A good request describes what is happening now and what you want instead.
    .explanation = A request is your part of the agreement: what is happening now, what you want instead, and how you'll notice progress. It doesn't have to be perfect, and the psychologist will help you refine it, but it has to come from you. "Fix me" or "tell me what to do" hand the work over; one concrete situation and the change you want give you both something to work with.
request--fix-me = "You're the expert: fix my anxiety"
    .feedback = That hands the work over to the psychologist and doesn't say what would change in your life. Describe a situation and what you'd like to be different.
request--tell-me = "Tell me whether to leave my partner"
    .feedback = A psychologist's job is to help you understand yourself and decide, not to decide for you: it's your life and your choice. Ask for help with making the choice instead.
request--specific = What happens now, what I want instead
    .feedback = Right. "Several times a week I snap at my partner over small things and feel guilty afterwards. I want to notice the tension earlier and talk about it calmly." That gives you a starting point and a way to see progress.
request--everything = "Everything: work, family and sleep"
    .feedback = It's hard to work on everything at once, and progress gets lost. Start with what matters most now; the other topics can come later.

## write-request

write-request = Now write a request to a psychologist in two sentences: what is happening now and what you want instead. Use your own situation or the example; your text is not saved.
    .hint = First sentence: what happens now, with an example. Second: what you want instead.
    .explanation = A workable request has three parts: the situation now (concretely, with an example), the change you want (what you'll do or feel differently) and a way to notice progress. Avoid requests about changing other people, like "I want my partner to stop annoying me": you can only work on your own reactions and actions.
    .feedback =
        Thank you! Compare with an example:
        Several times a week I snap at my partner over small things, usually in the evening when I'm tired, and then I feel guilty.
        I want to notice the tension earlier and be able to say calmly what's bothering me, so that we argue less often.

## honesty

honesty = Third session. The psychologist asks how the week went and whether last time's idea helped. You didn't try it, and the week before an argument got out of hand. What do you say?
    .hint = Who does a polished picture help?
    .explanation = A psychologist only knows what you tell them. If you didn't try something or an idea didn't help, say so plainly: it isn't a failure but information about what gets in the way. Honesty includes things that are awkward to admit, and you can also say that a topic is too hard to discuss yet. A professional won't judge you for it; they need it to adjust the work.
honesty--all-fine = That it went well, to avoid awkwardness
    .feedback = Then the psychologist will work with a picture that isn't true, and you'll be paying for sessions that miss the point. What didn't work is some of the most useful material there is.
honesty--honest = The truth, including the argument
    .feedback = Right. What got in the way and what went wrong are material for the session: they show where to look and what to change.
honesty--cancel = Nothing: I'll cancel this session
    .feedback = Skipping a session because the week went badly is a common trap. A bad week is exactly what's worth discussing, and a skipped session only puts everything off.

## homework

homework = This time you agree to note down, every day, when you felt the tension rising, what happened just before, and what you did. How do you go about it?
    .hint = Where does change actually happen: in the session or during the rest of the week?
    .explanation = Tasks between sessions (notes, small experiments, trying a new way of acting) turn conversations into changes in your life. Do them in small portions on the day, not all at once from memory. If a task is too hard or doesn't fit your life, say so at the next session and agree on another one: that's part of the process too.
homework--daily = A few lines a day, while it's fresh
    .feedback = Right. Notes made on the day are accurate, and noticing the tension is already part of the change. If something gets in the way, note that too: it'll be useful at the next session.
homework--night-before = Fill it in the night before the session
    .feedback = From memory, a week blurs into a couple of vague impressions, and the details that matter are lost. Short daily notes take less time in total.
homework--in-session = Skip it: the real work is in sessions
    .feedback = Sessions are an hour a week at most; change happens in the rest of your life. Tasks between sessions are how you try the ideas out in practice.
homework--quiet-week = Only if the week is a quiet one
    .feedback = Busy weeks are usually when your patterns show most clearly. If the task feels too big, make it smaller rather than dropping it, and tell the psychologist.

## give-feedback

give-feedback = The psychologist often gives you ready-made advice, but you'd rather think things through yourself, and the sessions feel rushed. What do you do?
    .hint = Who can change how the sessions go, and what do they need to know?
    .explanation = Feedback on the process is your contribution to the work: what helps, what doesn't, what pace and format suit you. Say it calmly and specifically, at the start or the end of a session. A good specialist asks for such feedback and adjusts; if nothing changes after you've said it, that's useful information too.
give-feedback--endure = Put up with it: they know best
    .feedback = The psychologist knows the methods, but only you know what helps you. Many specialists are glad to change their style, but first they need to hear about it.
give-feedback--hint-only = Drop hints and hope they notice
    .feedback = Hints are easy to miss, especially when the psychologist is focused on your topic. Say it directly and calmly: it's a normal part of the work.
give-feedback--say-it = Say what helps me and what doesn't
    .feedback = Right. For example: "Questions help me more than advice. Could we slow down a little?" Feedback on the process is part of your role, and a good specialist asks for it.

## boundaries

boundaries = After a session, the psychologist says: "I feel we really click. Let's be friends on social media and have coffee some time, outside sessions." What do you do?
    .hint = Can someone be your psychologist and your friend at the same time?
    .explanation = Professional ethics codes for psychologists forbid "dual relationships": friendship, business, romance or any other relationship alongside therapy. They make honest work impossible, because you start protecting the relationship instead of talking about yourself. A good specialist keeps the boundaries even when the client is the one who suggests crossing them. If a psychologist crosses them, breaks confidentiality, shames you or pushes their own beliefs on you, that's a reason to end the work and find another specialist; you can also complain to the association they belong to.
boundaries--go-along = Agree: it'd be rude to refuse
    .feedback = Let's see what happens to the work.
boundaries--say-no = Decline; change specialist if it goes on
    .feedback = Right. You can say: "I'd rather keep our meetings to sessions." A professional will accept that at once. If the boundaries keep blurring, end the work and look for another specialist; that's your right, not a betrayal.
boundaries--ignore = Say nothing and carry on as before
    .feedback = The awkwardness won't go away by itself and will sit in every session. Say clearly that you'd rather keep to sessions, and watch what happens next.

## blurred

blurred = A month later, you're friends online and have met for coffee twice. In sessions you now hold back: you don't want to look bad in front of a friend, and it's awkward to say what isn't working. The anxiety is where it was, and you're still paying.
    .hint = Press Next to go back to the question.
    .explanation = Therapy needs a space where you can say anything without worrying about the relationship. Friendship takes that space away, which is why ethics codes forbid it.

## how-it-goes

how-it-goes = Two months in, things aren't going the way you hoped. Sometimes the sessions feel useless; sometimes you feel worse. First, the useless sessions; then what everyone should know in case things get really bad.
    .hint = Read and press Next. If you're in danger right now, call { $crisis-line }: this topic can wait.
    .explanation = Sessions that feel useless are a reason to talk to the psychologist about the goal and the process. Feeling worse can be a passing reaction to hard topics, but if you have thoughts of harming yourself or can't cope with daily life, it's urgent and needs a different kind of help.

## useless

useless = It's the eighth session, and it feels like you're going round in circles and nothing is changing. What do you do?
    .hint = The request you made at the start is a good yardstick.
    .explanation = Change usually takes time, often weeks or months, and progress can be small and uneven. Compare where you are now with your original request and discuss it openly with the psychologist: maybe the request has changed, or the method doesn't suit you. Agree when to review progress again. You can always end the work or change specialist; a good professional will help with that and may recommend a colleague.
useless--silent = Keep going and say nothing
    .feedback = Without your feedback, the psychologist may think everything is on track, and months can go by. Change takes time, but some movement should be visible: ask about it.
useless--review = Review the request and progress together
    .feedback = Right. Go back to your request, look at what has changed, even a little, and agree what to try differently and when to review again. If it still doesn't fit, you can end the work or change specialist.
useless--ghost = Stop coming without a word
    .feedback = You have every right to end the work at any time, but a last conversation helps: you can sum up what's been done, get a recommendation and leave nothing hanging.
useless--never-works = Decide therapy isn't for me
    .feedback = One match that didn't work doesn't mean help doesn't work for you. A different method, a different specialist or a clearer request often change a lot.

## crisis

crisis = Important for everyone. If you feel much worse (it's hard to get out of bed, you have thoughts that it would be better not to live, or of harming yourself), it's an emergency, not a topic for next week's session. Call { $crisis-line } or go to the nearest hospital. Tell someone you trust and don't stay alone. Then let your psychologist know.
    .hint = There is no question here: read it and remember it. If this is you right now, put this topic aside and call.
    .explanation = Regular sessions aren't set up for emergencies, and a message to your psychologist may not be read for hours. Many people in a crisis think "I'll cope alone, I don't want to burden anyone", but the people close to you would want to know, and crisis lines exist for exactly this. This topic can't assess how you are: if in doubt, get help now.

## done

done = Done! Here is what depends on you in working with a psychologist: they bring methods and an outside view; you bring the request, honesty, the work between sessions and feedback.
done--check = Check training, method and terms; be wary of promised quick results
done--right-help = With weeks of poor sleep or low mood, see a doctor as well
done--request = Come with a request: what is happening now and what you want instead
done--honest = Be honest, including about what isn't working
done--homework = Do the tasks between sessions, a little every day
done--feedback = Tell the psychologist what helps you and what doesn't
done--patience = Expect change to take time; check progress against your request
done--can-change = You can end the work or change specialist, ideally after a closing talk
done--boundaries = Keep therapy separate from friendship or business; change specialist if boundaries blur
done--crisis = In a crisis, call { $crisis-line }; don't wait for a session
