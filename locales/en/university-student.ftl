title = Studying at university: your part
description = Being taught is not the same as learning. Learn your part as a student: preparing, asking, using the teacher's feedback and office hours, managing your time, working in a team and asking for help early. About 6 minutes.

objective--prepare = Prepare for classes so that you can follow and take part
objective--ask = Ask when you don't understand, in class or in office hours
objective--use-feedback = Use the teacher's comments to improve your next piece of work
objective--manage-time = Plan big assignments backwards from the deadline
objective--work-in-team = Agree tasks and dates in a group, and raise problems early
objective--get-help = Do your own work, and ask for help as soon as you fall behind

## intro

intro = The university provides teachers, courses, a library and a timetable. But knowledge can't be handed over like a parcel: you receive an education only if you do your part. Prepare, ask, use feedback, manage your time and ask for help in time. The same applies in the last years of school. Let's go through a first term: you've just started a degree in economics.
    .hint = Just read and press Next: the questions start on the next step.
    .explanation = Teachers can explain, set tasks and give feedback, but the learning itself happens in your head, when you read, try, make mistakes and correct them. Two students on the same course can leave with very different results, and the difference is mostly in what they did between classes.

## prepare

prepare = Tomorrow's seminar is on supply and demand, and the reading is a 30-page chapter. It's evening and you're tired. What do you do?
    .hint = What will help you follow the seminar and say something in it?
    .explanation = A seminar assumes you've read the material: the teacher builds on it with questions and tasks. If you haven't read it, you'll spend the seminar catching up instead of understanding. When time is short, read the introduction, the headings, the key figures and the conclusion, and write down one or two questions. That's 30 minutes well spent.
prepare--skip = Skip it: they'll explain it anyway
    .feedback = The seminar builds on the reading rather than repeating it. Without it, you'll follow half of it and won't be able to answer. Even a quick pass through the key parts changes a lot.
prepare--key-part = Read the key parts, note two questions
    .feedback = Right. The introduction, headings, key figures and conclusion in half an hour, plus two questions, let you follow the seminar and take part. You can read the rest at the weekend.
prepare--borrow-notes = Read a classmate's summary instead
    .feedback = A summary shows what someone else understood, not what you did, and its mistakes become yours. Use it to check yourself after reading, not instead of reading.

## in-lecture

in-lecture = In the lecture, the teacher moves on from a step you didn't understand. Everyone else seems to be nodding. What do you do?
    .hint = How many of those nodding people understood it, do you think?
    .explanation = If you didn't understand, others probably didn't either: they're just as reluctant to ask. A short question in class or at the break takes a minute; a gap left unfilled grows, because the next topics build on it. If you can't ask right away, write the question down and ask at the break, in the course chat or in office hours.
in-lecture--stay-quiet = Keep quiet: everyone else gets it
    .feedback = Probably not everyone: others are nodding for the same reason you are. The gap will grow, because the next topics build on this one. Ask at once or at the break.
in-lecture--record-later = Work it out myself before the exam
    .feedback = By the exam, there'll be a dozen such gaps, and the teacher won't have time for them all. Ask now or at the break while it's one small question.
in-lecture--ask-now = Ask now, or note it and ask at the break
    .feedback = Right. A question asked at once takes a minute and often helps half the room. If it's not the moment, write it down and ask at the break or in office hours.

## feedback

feedback = Your first essay comes back with a mediocre grade and comments in the margins: "no evidence", "structure?". What do you do?
    .hint = What is the grade for, and what are the comments for?
    .explanation = The grade tells you where you are; the comments tell you how to get further. Read every comment, find the same problem elsewhere in your essay, and note what to do differently next time. If a comment isn't clear, ask the teacher what they meant: that's what office hours are for. Arguing about the grade rarely teaches anything; using the comments does.
feedback--use-comments = Work through the comments for next time
    .feedback = Right. Note what each comment means for your next essay, and ask about the ones you don't understand. Students who do this usually improve within a term.
feedback--grade-only = Look at the grade and move on
    .feedback = The grade is already set; the comments are the part you can still use. Without them, the next essay will likely get the same remarks.
feedback--argue = Argue with the teacher about the grade
    .feedback = If there's a real error in marking, you can ask calmly. But "no evidence" and "structure?" are the lesson itself: ask what the teacher meant, not for more points.

## office-hours

office-hours = You still don't understand what "structure?" means. The teacher holds office hours on Thursdays. What do you do?
    .hint = What would make ten minutes with the teacher really useful?
    .explanation = Office hours are time the teacher sets aside for students' questions: using them is part of the course, not a favour. Come prepared: bring the essay, mark the places you don't understand, and ask specific questions ("How should I have structured the second part?"). If the time doesn't suit you, write to the teacher and ask for another slot or an answer by email.
office-hours--not-bother = Don't bother them: they're busy
    .feedback = Office hours are exactly the time the teacher has set aside for such questions. Many teachers wish more students came. Go, and come prepared.
office-hours--go-prepared = Go with the essay and specific questions
    .feedback = Right. "Here, in the second part, what structure would you expect?" gets you a useful answer in ten minutes. Write down what you hear and use it in the next essay.
office-hours--rewrite-for-me = Ask them to show how they'd write it
    .feedback = A teacher won't write your essay for you, and even a model you didn't write yourself teaches little. Ask what to change and why, then rewrite it yourself.

## term-paper

term-paper = You have a term paper due in three weeks, alongside your regular classes. How do you plan it?
    .hint = What happens if you only discover a problem with the sources in the last week?
    .explanation = Plan backwards from the deadline: topic and sources in week one, a draft in week two, revision and formatting in week three, with a date in your calendar for each step. Start this week, even with an hour. Problems (a missing source, a question for the teacher, a sick day) always turn up, and only an early start leaves time for them.
term-paper--last-week = Last week: I work best under pressure
    .feedback = Let's see what that week looks like.
term-paper--wait-mood = When I feel inspired
    .feedback = Inspiration usually comes from working, not before it. Without dates, three weeks turn into three days. Break the paper into steps and give each one a date.
term-paper--plan-back = Steps with dates; start this week
    .feedback = Right. Sources this week, a draft next week, revision in the third: each step is small, and a problem found early can still be solved.

## all-nighter

all-nighter = The last week. On Monday you find that two key sources aren't in the library, and the teacher answers your email on Thursday. You write through two nights, skip a seminar, and submit a paper with no conclusion at 23:58. The comment: "Rushed; the argument is incomplete."
    .hint = Press Next to go back to the question.
    .explanation = Working "under pressure" feels productive, but it leaves no time for problems, and problems always come. The same hours spread over three weeks give a better paper and more sleep.

## group-work

group-work = A group project of four people. A week before the deadline, one member hasn't done anything and doesn't reply in the chat. What do you do?
    .hint = What can the group still do itself, and when does the teacher need to know?
    .explanation = Group work is part of the learning: agreeing tasks, dates and how you'll communicate is a skill the course is teaching. Write to the silent member directly and agree what they'll do and by when, in writing in the group chat. If nothing changes by the agreed date, tell the teacher calmly and with facts, early enough that they can act, not on the last day.
group-work--do-it-all = Quietly do their part myself
    .feedback = It saves the project this time, but you'll be overloaded, the teacher won't know who did what, and the problem will return in the next project. Talk first.
group-work--talk-first = Agree in writing; then tell the teacher
    .feedback = Right. A clear, written agreement often solves it. If not, the teacher hears about it early and with facts, and can still help.
group-work--complain-now = Complain to the teacher at once
    .feedback = The teacher will most likely ask first whether you've talked to the member. Try that first, in writing; if it doesn't work, go to the teacher with the facts.

## ai-tools

ai-tools = An essay is due, and a classmate says an AI chatbot can write it in a minute. What do you do?
    .hint = What is the essay for: the text, or what you learn by writing it?
    .explanation = An essay is practice in thinking and writing, and the grade is for your work. Submitting text written by someone else, a person or an AI, as your own usually breaks the university's academic integrity rules and can lead to a failed course or worse. Rules on AI differ between universities and courses, so read your course's rules and ask the teacher if they're unclear. Where they allow it, use AI to explain a concept or quiz you, and write the essay yourself.
ai-tools--submit-ai = Let it write the essay and submit it
    .feedback = You'd learn nothing from the essay, and submitting it as your own breaks the academic integrity rules in most universities; detection or an oral follow-up question can expose it. Write it yourself.
ai-tools--paraphrase = Let it write, then reword it myself
    .feedback = Rewording someone else's text is still not your work, and the thinking the essay is meant to train never happens. Check the course rules, and write the essay yourself.
ai-tools--learn-with = Check the rules; use it to learn
    .feedback = Right. Within the course rules, AI can explain a concept or test your understanding; the argument and the text must be yours. If the rules are unclear, ask the teacher.

## struggling

struggling = Mid-term, you're falling behind in two courses, sleeping badly, and starting to think about dropping out. What do you do?
    .hint = Who at the university is there exactly for this, and when is it easier for them to help?
    .explanation = Most universities have people whose job is to help: teachers in office hours, an academic adviser or tutor, the dean's office, a student counselling or psychological service. Help is easier early: a deadline extension or a study plan is simple in week eight and impossible after the exams. If your mood is low for weeks, or you have thoughts of harming yourself, get help at once: call { $crisis-line }, or see a doctor or the university's counselling service.
struggling--hide-it = Hide it and try to catch up alone
    .feedback = Catching up alone while tired and sleeping badly rarely works, and by the time it shows in your grades, fewer options are left. Talk to someone now.
struggling--quit-quietly = Quietly stop going to classes
    .feedback = Stopping quietly closes the options that are still open: an extension, a lighter plan, a break in studies. Talk to your adviser or the dean's office before deciding anything.
struggling--ask-help = Talk to a teacher or adviser now
    .feedback = Right. Tell your teacher or adviser what's happening and ask what's possible: an extension, a plan to catch up, the counselling service. Early, there are many options.
struggling--more-hours = Study at night to make up for it
    .feedback = Less sleep means worse memory and concentration, and the backlog grows. Make a plan with a teacher or adviser instead, and look after your sleep.

## done

done = Done! The university gives you teachers, courses and feedback; receiving an education is up to you: preparing, asking, using feedback, planning, working with others and asking for help in time. If something is still unclear, { $contact } can help.
done--prepare = Read at least the key parts before a class and bring a question
done--ask = Ask when you don't understand: in class, at the break or in office hours
done--comments = Read every comment and apply it in your next piece of work
done--office-hours = Use office hours, with your work and specific questions
done--plan = Plan big assignments backwards from the deadline, and start this week
done--team = In a group, agree tasks and dates in writing; raise problems early
done--own-work = Do your own work; use AI only as the course rules allow
done--help-early = Falling behind? Talk to a teacher or adviser now, not after the exams
