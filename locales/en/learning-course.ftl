title = Getting value from a course
description = Learn your part in actually learning on a course: a goal you can check, practice that sticks, questions asked early, assignments done yourself, and what to do when you fall behind. About 5 minutes.

objective--set-goal = Set a goal you can check and make sure the language, device and time work for you
objective--practise = Practise actively and do the assignments yourself instead of rewatching and copying
objective--ask-early = Ask questions early, in the course channel, saying what you have tried
objective--use-feedback = Use the mentor's comments to correct and redo your work
objective--recover = Get back on track when motivation drops, you fall behind or the level doesn't fit

## intro

intro = You've signed up for an eight-week online course in data analysis: video lessons, weekly assignments, live sessions with a mentor and a course chat. The school provides all of that, but the learning happens only in your own head and hands. You can be given an education, but only you can receive it. Let's go through your part.
    .hint = Just read and press Next: the questions start on the next step.
    .explanation = What you get from a course depends on the school and on you. The school brings the materials, the programme, a mentor and deadlines; you bring a goal, time, attention and practice. Two people can buy the same course: one comes out with a new skill, the other with a list of watched videos. The difference is mostly in the habits we'll practise here.

## goal

goal = Before the first week, you set yourself a goal for the course. Which goal will help you most?
    .hint = A good goal lets you check at the end: can I do it or not?
    .explanation = A useful goal describes a result, not an activity: what you'll be able to do, on what task, and by when. "By week 8, build our monthly sales report from our own data without help" tells you which lessons matter most, what to practise and whether the course worked. You can watch every video or get the certificate without learning anything.
goal--all-videos = Watch every lesson to the end
    .feedback = Watching is an activity, not a result. You can watch every video and still be unable to do anything on your own. A useful goal describes what you'll be able to do.
goal--certificate = Get the certificate
    .feedback = A certificate is a nice extra, but it doesn't show what you can do: an employer or your own task will test the skill, not the paper. Aim for the skill, and the certificate will come with it.
goal--can-do = Build a sales report alone by week 8
    .feedback = Right. It's concrete, you can check it, and it's tied to your real task, so you'll know what to focus on and whether you got there.
goal--get-better = Get better with data
    .feedback = Too vague: at the end you won't be able to tell whether you got there, and along the way it won't tell you what to focus on. Say what exactly you'll be able to do, and by when.

## prereqs

prereqs = The course page lists the requirements: intermediate English, a computer (the assignments can't be done on a phone) and 5–6 hours a week. What do you do before the start?
    .hint = Which of the three requirements could stop you in the very first week?
    .explanation = Requirements are the resources you bring: language, device and time. Check each one before the start: take a free or intro lesson to see whether your language is good enough, make sure you have a computer with the right software, and count the free hours you really have. Then put study time into your calendar like a meeting. If something doesn't fit, it's better to find out while it's still easy to get a refund or choose another course.
prereqs--paid-enough = Nothing: I've paid, I'll manage
    .feedback = Paying gives you access, not the conditions to learn. If the English is too hard or you only have a phone, you'll get stuck in the first week, and the weeks you've used will count against any refund. Check now.
prereqs--check-block = Check all three, block time in calendar
    .feedback = Right. Test your English on a free lesson, make sure you have a computer, and put specific study slots into your week, like Tuesday and Thursday evenings and Saturday morning.
prereqs--phone-bus = Watch lessons on my phone on the bus
    .feedback = Fine for a quick review, but the assignments need a computer, and watching on the move is the most passive way to learn. Plan time when you can sit down and practise.
prereqs--find-time = I'll find the time as I go
    .feedback = In week one there's always time; by week three it has gone. Hours that aren't in your calendar are the first to be eaten by work and family. Block specific slots now.

## session-prep

session-prep = On Thursday there's a live session with the mentor about formulas. How do you prepare?
    .hint = What can a live session give you that a video can't?
    .explanation = The value of a live session is in answers to your own questions and in seeing how an expert thinks through a problem. To get it, prepare: watch the assigned lesson, try at least one task and write down where you got stuck. Then the hour goes on your difficulties rather than on retelling the video.
session-prep--prepared = Watch, try a task, write down questions
    .feedback = Right. You'll come with real questions from your own attempt, and the session will go on them rather than on the basics.
session-prep--just-come = Just show up: the mentor will explain
    .feedback = A live session isn't a repeat of the lecture: it's the time to sort out what you couldn't do on your own. If you haven't done the lesson, you'll spend the hour on the basics and have nothing to ask.
session-prep--recording = Skip it, I'll watch the recording
    .feedback = Recordings tend to pile up unwatched, and a recording can't answer your question. If you really can't come, send your question in advance and watch the recording the same week.

## practise

practise = This week's topic is formulas. You've watched the lesson, and it all seemed clear. How do you make it stick?
    .hint = Which option makes you pull the knowledge out of your head rather than look at it again?
    .explanation = Two techniques have strong research behind them. Active recall: close the material and reproduce it yourself: solve a task, explain it in your own words, test yourself. Spaced practice: come back to the topic after a day, then after a few days, instead of one long session. Rereading and rewatching feel easy precisely because they take little effort, and that creates the illusion that you know it all.
practise--rewatch = Watch the lesson again a couple of times
    .feedback = Rewatching feels productive because everything looks familiar, but recognising something isn't the same as being able to do it, and that feeling fools many learners. Try doing the same without the video.
practise--copy-notes = Copy the lesson into notes word for word
    .feedback = Your hands are busy, but your head is mostly idle. Short notes in your own words help more, and solving a task from memory helps more still.
practise--cram = Go through it all at once on Sunday
    .feedback = One long session feels efficient, but most of it is forgotten within days. Several short sessions spread over the week, each with an attempt to recall, make it stick far better.
practise--recall = Do it from memory, again in a few days
    .feedback = Right. Closing the video and doing the task from memory shows what you really know, and coming back to it a few days later makes it last. That's active recall and spaced practice.

## ask-early

ask-early = You've been stuck on an assignment task for an hour and a half: the formula returns an error, and you've run out of ideas. What do you do?
    .hint = Who can help, and what do they need to know to help quickly?
    .explanation = Ask early: once you've made an honest attempt and run out of ideas, don't spend another evening alone. Ask where the course expects questions, usually the course chat or forum, not in a random private message. A good question names the task, shows what you did (the formula or a screenshot) and the exact error, and says what you've already tried. Often, while writing it down like that, you find the mistake yourself.
ask-early--struggle = Keep at it alone until it works
    .feedback = A little struggle is useful, but once you're out of ideas, extra hours just eat up your week and your motivation. A question now takes someone a few minutes and saves you an evening.
ask-early--show-try = Ask in the course chat, show my attempt
    .feedback = Right. Give the task number, show the formula and the exact error text, and say what you've already tried. In the course chat, the mentor or classmates can answer, and it helps others stuck on the same task too.
ask-early--vague = Write "It doesn't work, help!"
    .feedback = Nobody can help with that without asking questions back: which task, which formula, what error, what have you tried? Say all that straight away, and you'll get an answer much sooner.
ask-early--skip-it = Skip it: it'll get clearer later
    .feedback = The next topics usually build on this one, so the gap will only grow. Besides, answering questions like this is exactly what the course is for: ask now.

## assignment

assignment = The weekly assignment is due tomorrow, and you're tired. An AI chatbot could write it in a minute, and a classmate offers you his finished file. What do you do?
    .hint = What are you really paying the course for: a finished file or being able to make one?
    .explanation = The assignment is the part of the course where you build the skill, and the mentor's comments only help if they're about your own work. Copying it or having an AI write it leaves you with a finished file and no practice. AI can still be useful as a tutor, to explain an error or an idea, if the course rules allow it. If you're short of time, hand in an honest partial attempt or ask about an extension.
assignment--ai-write = Let the AI write it, then read it
    .feedback = The file would be good, but you'd miss the point: the assignment is where you practise. Reading a solution is like watching someone else work out at the gym. Also check the course rules: submitting AI-written work as your own is often not allowed.
assignment--copy = Copy his file, change a few cells
    .feedback = Then the mentor would be commenting on someone else's work, and you'd get nothing from it. It's also plagiarism, which courses often penalise. Your own imperfect attempt is worth more.
assignment--own-work = Do it myself, even if imperfectly
    .feedback = Right. The assignment is your practice, and mistakes in it are exactly what the mentor's comments are for. If you can't finish in time, hand in what you've done and say where you got stuck, or ask for an extension.
assignment--skip = Skip it: it doesn't count for the grade
    .feedback = Ungraded assignments are still the main practice on the course. Skipping them saves you an evening but costs you the skill you came for.

## mentor-review

mentor-review = The mentor has returned your assignment: 6 points out of 10 and four comments. What do you do?
    .hint = Which is worth more for learning: the number or the comments?
    .explanation = Feedback only helps once you act on it. Read every comment, look for the same mistake elsewhere in your work, correct it and, if the course allows, resubmit. If a comment is unclear, ask the mentor: "What would a better version look like?" Keep a short list of your typical mistakes and check it before the next submission.
mentor-review--score-only = Check the score and move on
    .feedback = The score shows where you are now; the comments show how to get further. If you skip them, the same mistakes will turn up in the next assignments.
mentor-review--redo = Work through the comments and resubmit
    .feedback = Right. Go through each comment, correct the work, resubmit if the course allows it, and ask about anything unclear. Redoing is where comments turn into skill.
mentor-review--argue = Argue for more points
    .feedback = If a comment really is wrong, it's fine to ask about it. But arguing over points shifts your attention from the skill to the score. First try to understand what the mentor saw.

## motivation

motivation = Week 4. The novelty has worn off, your evenings are busy, and you don't feel like studying. What helps most?
    .hint = What's easier to start: a whole evening of study or 20 minutes?
    .explanation = A dip in motivation around the middle of a course is normal, so plan for it in advance. Keep your study slots but lower the bar: 20 minutes and one task instead of a whole evening. Remind yourself of your goal, tick off your progress, find a study partner in the course chat. If your life has changed seriously, talk to the school about a pause instead of quietly drifting away.
motivation--small-step = Keep my slots, even for 20 minutes
    .feedback = Right. Sitting down at your usual time, even briefly, keeps the habit alive. And once you've started, it's often easier to keep going.
motivation--wait-mood = Wait until motivation comes back
    .feedback = Motivation usually follows action rather than coming before it. While you wait, weeks go by and catching up gets harder. Start with something small.
motivation--double-up = Skip this week, do double next week
    .feedback = Double weeks hardly ever happen: the backlog grows, and the next week turns out just as busy. A small step now beats a big plan for later.

## off-track

off-track = Week 5. Something isn't going to plan: you've fallen behind, or the level doesn't fit. These are the two most common reasons people quietly drop out of a course. Let's take them in turn.
    .hint = Read and press Next: two questions follow, one for each situation.
    .explanation = Both can usually be fixed if you act early and tell the school.

## behind

behind = You're two weeks behind: two assignments not handed in and three lessons not watched. What do you do?
    .hint = Who can move deadlines, and what in the missed weeks really matters?
    .explanation = Falling behind is common and fixable. Tell the mentor or the school: many courses offer extensions, a pause or a move to a later group. Then set priorities: first the core assignments that later topics build on; optional materials can wait. Add a few short extra sessions to your week instead of one marathon, and keep up with the current week at the same time.
behind--binge = Watch it all in one weekend
    .feedback = A marathon gets the videos watched but not the assignments done, and little of it sticks. You'd also start Monday exhausted. Catch up gradually, over a couple of weeks.
behind--catch-plan = Tell the mentor, make a catch-up plan
    .feedback = Right. Ask about deadlines, an extension or a pause, decide which assignments are core and which can wait, and add a few short sessions to your week until you've caught up with the group.
behind--jump = Just do the current week, skip the rest
    .feedback = Topics usually build on each other, so the current week will be hard without the missed ones. Do at least the core assignments from the weeks you missed.
behind--quit = Quit: it's too late now
    .feedback = It rarely is. Two weeks is a common gap, and courses often have ways to help: an extension, a pause or a move to the next group. Ask before you give up.

## level

level = The second situation: the level doesn't fit: the lessons feel either too easy or so hard that you're lost within minutes. What do you do?
    .hint = How can you check whether the level really doesn't fit?
    .explanation = First check the feeling against the assignments: the hardest task of the week, done without hints, shows your real level. If it's too easy, ask for harder tasks or a higher level. If it's too hard, find the gap: go back to the basics, ask for extra materials, ask in the chat. If the course really doesn't fit, ask the school about changing level or cancelling: nobody but you can tell them. { $service-cancellation }
level--skip-easy = Too easy? Skip the assignments
    .feedback = Lessons often feel easy while you're watching them; the assignments show whether you can actually do it. Skip them, and gaps appear without you noticing.
level--push-on = Too hard? Keep watching, it'll click
    .feedback = Gaps usually add up: each new topic rests on the one that stayed unclear. It won't click by itself; go back to the basics and ask for help.
level--test-talk = Test myself, then talk to the mentor
    .feedback = Right. Try the hardest task of the week without hints: it shows whether the level really doesn't fit. Then ask the mentor for extra or harder materials, or about moving to another level.
level--vanish = Quietly drop out
    .feedback = The school can't fix what it doesn't know about. There's often another level, extra materials or a move to another group. And if you do leave, cancel in writing: dropping out quietly doesn't end the contract or get anything back.

## done

done = Done! That's your part in learning: the school brings the materials, the mentor and the deadlines, and the skill comes from your goal, your practice and your questions.
done--goal = Set your goal as a result you can check: what you'll be able to do, by when
done--prereqs = Before the start, check the language, the device and your hours; block them in your calendar
done--prepare = Come to live sessions with the lesson done and your questions written down
done--recall = Practise from memory and come back to topics a few days later instead of rewatching
done--ask = Ask early, in the course chat: the task, what you did, the error, what you tried
done--own-work = Do assignments yourself; use AI to explain, not to write, if the rules allow
done--feedback = Read every comment, correct your work and resubmit it
done--small-steps = When motivation drops, keep your study slots, even for 20 minutes
done--tell-school = Fallen behind or wrong level: tell the mentor early instead of vanishing
