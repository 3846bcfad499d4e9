title = Working with a psychologist or coach
description = Learn your part in working with a psychologist, coach or consultant: choosing the right help, a clear request, honesty, the work between sessions, feedback, and what to do in a crisis. About 5 minutes.

objective--check-fit = Check a specialist's training and terms, and choose the right kind of help
objective--form-request = Put your request into words: what is happening now and what you want instead
objective--do-the-work = Be honest in sessions and do the work between them
objective--give-feedback = Tell the specialist what helps, and know you can end or change the work
objective--urgent-help = Recognise a crisis and get urgent help instead of waiting for a session

## intro

intro = A psychologist, coach or consultant brings questions, methods and an outside view, but doesn't solve the problem for you: change happens in your own life, between sessions. Let's go through your part. The example: for a year you've been putting off changing jobs, and you've decided to work on it with a career coach.
    .hint = Just read and press Next: the questions start on the next step.
    .explanation = Working with a specialist is a service you co-create. The specialist brings training, methods and an outside view; you bring the request, honesty, the effort between sessions and feedback on the process. Without your part, even a very good specialist can do little. This scenario gives general guidance and doesn't replace a professional's advice.

## check-fit

check-fit = You've found a coach you like. What do you check before the first paid session?
    .hint = What tells you about competence and honesty rather than popularity?
    .explanation = Before you start, check the specialist's training (a degree in psychology for a psychologist, a recognised training programme for a coach), their approach, whether they have supervision and follow a professional code of ethics. Agree the terms in advance: price, length and frequency of sessions, cancellation rules, confidentiality and its limits. A good specialist also tells you what they don't work with and refers you to someone else when needed.
check-fit--followers = Follower count and reviews
    .feedback = Popularity shows marketing skills, not professional ones, and reviews are easy to pick and choose. Look at training, approach and terms of work.
check-fit--guarantee = That they guarantee a result
    .feedback = A promise like "your life will change in three sessions" is a warning sign. The result depends on you too, and an honest specialist says so. Look for clear terms, not guarantees.
check-fit--training = Training, approach and terms of work
    .feedback = Right. Ask where they trained, how they work and whether they have supervision, and agree the terms: price, length, cancellations, confidentiality and what they don't work with.

## who-to-see

who-to-see = A different case: for two months you've been sleeping badly, nothing brings you joy, and work is getting harder. A friend recommends her career coach. What do you do?
    .hint = Who is trained to look into health problems, and who works with career goals?
    .explanation = A coach works with the goals and actions of people who are generally well; a psychologist helps with emotional difficulties and relationships; a doctor (your GP or a psychiatrist) can assess health problems and treat them if needed. Weeks of poor sleep, low mood and trouble working are a reason to start with a doctor or a qualified mental-health professional, such as a clinical psychologist or psychotherapist. This is not a diagnosis: only a specialist can assess what's going on.
who-to-see--coach-same = Go to the coach: help is help
    .feedback = A coach works with goals and actions and isn't trained to assess health problems. Symptoms like these that last for weeks should be looked at by someone who is.
who-to-see--doctor = See a doctor or therapist first
    .feedback = Right. Sleep and mood problems that last for weeks are a reason to see a doctor (your GP or a psychiatrist) or a clinical psychologist or psychotherapist. A coach can help later, with career goals.
who-to-see--wait = Wait: it'll pass by itself
    .feedback = Sometimes it does, but two months of poor sleep and low mood that get in the way of work are a reason to get checked, not to wait. The sooner you see a specialist, the easier it usually is.
who-to-see--self-test = Diagnose myself with online tests
    .feedback = Online tests can nudge you to seek help, but they can't make a diagnosis, and self-diagnosis can either scare you or falsely reassure you. Take the results to a specialist.

## request

request = Back to the coach. At the first session, the coach asks: "What would you like to work on?" Which answer gives you both the most to work with?
    .hint = A good request describes what is happening now and what you want instead.
    .explanation = A request is your part of the agreement: what is happening now, what you want instead, and how you'll notice progress. It doesn't have to be perfect, and the specialist will help you refine it, but it has to come from you. "Make me confident" or "tell me what to do" hand the work over to the specialist; one concrete situation and the change you want give you both something to work with.
request--fix-me = "Make me more confident"
    .feedback = That hands the work over to the coach and doesn't say what confidence would look like in your life. Describe a situation and what you'd like to do differently.
request--tell-me = "Tell me which job to choose"
    .feedback = A coach's job is to help you think and act, not to decide for you: it's your life and your choice. Ask for help with making the choice instead.
request--specific = What happens now, what I want instead
    .feedback = Right. "For a year I've been opening job ads and closing them. In three months I want to have sent at least five applications." That gives you a starting point and a way to see progress.
request--everything = "Everything: work, family and sleep"
    .feedback = It's hard to work on everything at once, and progress gets lost. Start with what matters most now; the other topics can come later.

## write-request

write-request = Now write a request to a specialist in two sentences: what is happening now and what you want instead. Use your own situation or the job-change example; your text is not saved.
    .hint = First sentence: what happens now, with an example. Second: what you want instead, and by when.
    .explanation = A workable request has three parts: the situation now (concretely, with an example), the change you want (what you'll do or feel differently) and a way to notice progress (a number, a deadline, a sign). Avoid requests about changing other people, like "I want my boss to value me": you can only work on your own actions.
    .feedback =
        Thank you! Compare with an example:
        For a year I've been meaning to change jobs: in the evenings I open job ads and close them without applying, because I'm afraid of being turned down.
        In three months I want to have sent at least five applications and to understand what really stops me.

## honesty

honesty = Third session. The coach asks how last week's plan went. You didn't do any of it, and one of the earlier suggestions didn't help at all. What do you say?
    .hint = Who does a polished picture help?
    .explanation = A specialist only knows what you tell them. If the plan wasn't carried out or an idea didn't help, say so plainly: it isn't a failure but information about what gets in the way. Honesty includes things that are awkward to admit, and you can also say that a topic is too hard to discuss yet. A professional won't judge you for it; they need it to adjust the work.
honesty--all-fine = That it went well, to avoid awkwardness
    .feedback = Then the coach will plan the next steps on a picture that isn't true, and you'll be paying for sessions that miss the point. What didn't work is some of the most useful material there is.
honesty--honest = The truth, including what didn't help
    .feedback = Right. What got in the way and what didn't work are material for the session: they show where the plan needs to change.
honesty--cancel = Nothing: I'll cancel this session
    .feedback = Skipping a session because you didn't do the task is a common trap. The obstacle itself is worth discussing, and a skipped session only puts everything off.

## homework

homework = This time you agree to note down every day when you put something off and what you felt at that moment. How do you go about it?
    .hint = Where does change actually happen: in the session or during the rest of the week?
    .explanation = Tasks between sessions (notes, small experiments, trying a new way of acting) turn conversations into changes in your life. Do them in small portions on the day, not all at once from memory. If a task is too hard or doesn't fit your life, say so at the next session and agree on another one: that's part of the process too.
homework--daily = A few lines a day, while it's fresh
    .feedback = Right. Notes made on the day are accurate, and the habit itself is already part of the change. If something gets in the way, note that too: it'll be useful at the next session.
homework--night-before = Fill it in the night before the session
    .feedback = From memory, a week blurs into a couple of vague impressions, and the details that matter are lost. Short daily notes take less time in total.
homework--in-session = Skip it: the real work is in sessions
    .feedback = Sessions are an hour or two a month; change happens in the rest of your life. Tasks between sessions are how you try the ideas out in practice.
homework--quiet-week = Only if the week is a quiet one
    .feedback = Busy weeks are usually when your habits show most clearly. If the task feels too big, make it smaller rather than dropping it, and tell the coach.

## give-feedback

give-feedback = The coach often gives you ready-made advice, but you'd rather think things through yourself, and the sessions feel rushed. What do you do?
    .hint = Who can change how the sessions go, and what do they need to know?
    .explanation = Feedback on the process is your contribution to the work: what helps, what doesn't, what pace and format suit you. Say it calmly and specifically, at the start or the end of a session. A good specialist asks for such feedback and adjusts; if nothing changes after you've said it, that's useful information too.
give-feedback--endure = Put up with it: the coach knows best
    .feedback = The coach knows the methods, but only you know what helps you. Many specialists are glad to change their style, but first they need to hear about it.
give-feedback--hint-only = Drop hints and hope the coach notices
    .feedback = Hints are easy to miss, especially when the coach is focused on your topic. Say it directly and calmly: it's a normal part of the work.
give-feedback--say-it = Say what helps me and what doesn't
    .feedback = Right. For example: "Questions help me more than advice. Could we slow down a little?" Feedback on the process is part of your role, and a good specialist asks for it.

## how-it-goes

how-it-goes = Two months in, things aren't going the way you hoped. Sometimes the sessions feel useless; sometimes you feel worse. First, the useless sessions; then what everyone should know in case things get really bad.
    .hint = Read and press Next. If you're in danger right now, call { $crisis-line }: this scenario can wait.
    .explanation = Sessions that feel useless are a reason to talk to the specialist about the goal and the process. Feeling worse can be a passing reaction to hard topics, but if you have thoughts of harming yourself or can't cope with daily life, it's urgent and needs a different kind of help.

## useless

useless = It's the eighth session, and it feels like you're going round in circles and nothing is changing. What do you do?
    .hint = The goal you set at the start is a good yardstick.
    .explanation = Change usually takes time, often weeks or months, and progress can be small and uneven. Compare where you are now with your original request and discuss it openly with the specialist: maybe the request has changed, or the method doesn't suit you. Agree when to review progress again. You can always end the work or change specialist; a good professional will help with that and may recommend a colleague.
useless--silent = Keep going and say nothing
    .feedback = Without your feedback, the coach may think everything is on track, and months can go by. Change takes time, but some movement should be visible: ask about it.
useless--review = Review goal and progress with the coach
    .feedback = Right. Go back to your request, look at what has changed, even a little, and agree what to try differently and when to review again. If it still doesn't fit, you can end the work or change specialist.
useless--ghost = Stop coming without a word
    .feedback = You have every right to end the work at any time, but a last conversation helps: you can sum up what's been done, get a recommendation and leave nothing hanging.
useless--never-works = Decide this kind of help isn't for me
    .feedback = One match that didn't work doesn't mean help doesn't work for you. A different approach, a different specialist or a clearer request often change a lot.

## crisis

crisis = Important for everyone. If you feel much worse (it's hard to get out of bed, you have thoughts that it would be better not to live, or of harming yourself), it's an emergency, not a topic for next week's session. Call { $crisis-line } or go to the nearest hospital. Tell someone you trust and don't stay alone. Then let your specialist know.
    .hint = There is no question here: read it and remember it. If this is you right now, put the scenario aside and call.
    .explanation = Regular sessions aren't set up for emergencies, and a message to your specialist may not be read for hours. Many people in a crisis think "I'll cope alone, I don't want to burden anyone", but the people close to you would want to know, and crisis lines exist for exactly this. This scenario can't assess how you are: if in doubt, get help now.

## done

done = Done! Here is what depends on you when working with a specialist: they bring methods and an outside view; you bring the request, honesty, the work between sessions and feedback.
done--check = Check training, approach and terms; be wary of guaranteed results
done--right-help = With health problems, go to a doctor or therapist; a coach works with goals
done--request = Come with a request: what is happening now and what you want instead
done--honest = Be honest, including about what isn't working
done--homework = Do the tasks between sessions, a little every day
done--feedback = Tell the specialist what helps you and what doesn't
done--patience = Expect change to take time; check progress against your goal
done--can-change = You can end the work or change specialist, ideally after a closing talk
done--crisis = In a crisis, call { $crisis-line }; don't wait for a session
