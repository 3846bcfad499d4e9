title = Reporting an IT fault to a service desk
description = Learn your part in getting an IT fault fixed, at work or with your internet provider: what to check yourself first, incident or request, impact and urgency, what to write, the ticket number and confirming the fix. About 6 minutes.

objective--own-checks = Check and restart what is yours before reporting, and find out whether it's only you
objective--incident-or-request = Tell an incident (something broke) from a service request (you need something new)
objective--impact-urgency = Give impact and urgency honestly, with the reason
objective--describe-incident = Describe a fault so the service desk can act on it without asking back
objective--track-ticket = Keep the ticket number and add new facts to the same ticket
objective--confirm-fix = Check that the fix works before confirming, and use a workaround meanwhile

## intro

intro = The service desk and the provider run the network, the servers and the software. But some things only you can do: check and restart your own equipment, choose the right form, say how bad it is and how urgent, describe what you see, keep the ticket number and confirm the fix. Let's go through two mornings: one at home, one at the office.
    .hint = Just read and press Next: the questions start on the next step.
    .explanation = A service desk can only fix what it knows about and understands. A clear report with the right priority reaches the right engineer in minutes; a vague one waits in a queue and comes back with questions. What you bring is half of the fix.

## home-router

home-router = Sunday evening at home, nothing loads: no websites, no video, on both your laptop and your phone on Wi-Fi. What do you do first?
    .hint = Which part of the chain is in your home, and what can you check in two minutes?
    .explanation = The router and its cables are your part of the chain. Check its lights (power, the internet or WAN light), make sure the cable from the provider is plugged in, then switch the router off for about 30 seconds and on again. Try a phone on mobile data: if that works, the problem is in your home connection. If a restart doesn't help, check the provider's app or website for an outage in your area, then call or write to its support with what you've already tried. Don't press the reset button: it wipes the router's settings.
home-router--call-at-once = Call the provider straight away
    .feedback = The first thing support will ask is whether you restarted the router, and you'll wait in the queue to hear it. Two minutes of checks often fix the problem or at least make your call much shorter.
home-router--reset-button = Hold the router's reset button
    .feedback = That's a common mistake: a reset returns the router to factory settings, and the login details for the provider's network and your Wi-Fi password are wiped. Then you'll need support just to get back to where you were. Switch it off and on instead.
home-router--check-router = Check the lights, restart the router
    .feedback = Right. Look at the lights, check the cable, switch the router off for 30 seconds and on again. If that doesn't help, look for an outage notice from the provider, then contact its support and say what you've already tried.
home-router--buy-new = Buy a new router tomorrow
    .feedback = The router may be fine: the fault may be a loose cable or an outage on the provider's side. Buying first wastes money and time. Check and restart, then ask the provider.

## own-checks

own-checks = Monday, 9:10 at the office. Your laptop says "No internet", and your work chat won't connect. What do you do?
    .hint = Is it only you, or everyone? And what can you restart yourself?
    .explanation = Before reporting, spend two or three minutes on your own part: check the cable or the Wi-Fi, restart the laptop, and ask the person next to you whether their connection works. "Only my laptop" and "the whole floor" are different incidents, and the desk needs to know which. Don't install fixes from the internet or change settings you don't understand: it can make things worse and make the fault harder to find.
own-checks--quick-checks = Restart, check cable, ask a neighbour
    .feedback = Right. A restart sometimes fixes it, and whether a colleague's connection works tells the desk whether it's your laptop or the network. If it's still broken, report it with what you've tried.
own-checks--someone-else = Wait: someone's bound to report it
    .feedback = That's what everybody thinks, so often nobody reports it, and the desk learns about it an hour later. If it's only your laptop, nobody else will. Check quickly, then report.
own-checks--forum-fix = Try a network fix from a forum
    .feedback = Commands and "fixes" from the internet can break your laptop's settings or the company's security software, and the engineer then has two problems to find. Restart, check the cable, and leave deeper fixes to the desk.

## form-type

form-type = A different day: you need access to the shared sales folder, which you've never had. The service portal offers two forms: "Something is broken" and "I need something". Which do you use?
    .hint = Did something stop working, or do you need something you never had?
    .explanation = An incident is something that used to work and has stopped, or works worse: a fault. A service request is something new or standard that you need: access, a new laptop, software, a password reset. They go to different queues with different targets: incidents are restored as fast as possible; requests follow an approval process (access to a folder usually needs the owner's or your manager's approval). The right form gets you to the right queue without a detour.
form-type--incident = "Something is broken": it's urgent
    .feedback = Nothing broke: you need access you've never had, and that's a request. Put in the incident queue, it will be sent back or moved to requests, and you lose time. Use the request form.
form-type--email-admin = Email the admin I know directly
    .feedback = A personal email skips the queue only until that person is on holiday or busy, and access usually needs an approval that the portal asks for automatically. Use the request form so it's recorded and approved.
form-type--request = "I need something": it's a request
    .feedback = Right. Access you never had is a service request. It goes to the right team, and the portal usually asks the folder's owner or your manager to approve it.

## impact-urgency

impact-urgency = Back to Monday: a restart didn't help, your colleagues' connection works, and you have a client presentation from your laptop at 14:00. The incident form asks for impact and urgency. What do you choose?
    .hint = How many people are affected, and by when does it have to work?
    .explanation = Impact is how much of the business is affected: one person, a team, the whole company, customers. Urgency is how soon it hurts: a deadline, a meeting, money lost every hour. Together they set the priority. Say both honestly and give the reason ("presentation to a client at 14:00"): the desk can't check how you feel, but it can act on a deadline. Inflating everything to "critical" teaches the desk to ignore it and pushes back people with real outages.
impact-urgency--critical = Critical for both: it's critical for me
    .feedback = For you it is, but one laptop isn't a company-wide outage, and the desk will lower the priority anyway. Give impact honestly (one person) and urgency with the reason: the 14:00 presentation is what makes it urgent.
impact-urgency--honest = Impact: just me. Urgent: talk at 14:00
    .feedback = Right. Impact on one person, high urgency with a concrete reason. The desk can see why it matters today and may give you a spare laptop or a cable before 14:00.
impact-urgency--lowest = Low for both, so as not to bother them
    .feedback = Modesty costs you the presentation: with low urgency the ticket may wait until tomorrow. The desk needs to know about the 14:00 deadline to plan around it.

## describe

describe = Now the description. Which one will the engineer be able to act on?
    .hint = What does an engineer need to know so as not to have to ask you anything?
    .explanation = A useful description answers: what doesn't work (and on which device, with its name or asset tag), since when, what exactly you see (the exact error text or a screenshot), what you've already tried, who else is affected, and how to reach you. One problem per ticket. No need to guess the cause: that's the engineer's job.
describe--shout = "Internet doesn't work!!! Urgent!!!"
    .feedback = Let's see what happens to this ticket.
describe--screenshot = Just a screenshot of the error
    .feedback = A screenshot helps, but on its own it doesn't say which device, since when, what you've tried or how urgent it is. Attach it to a short description.
describe--facts = Device, time, error, what I tried
    .feedback = Right. With the device, the time, the exact error, what you've tried and who is affected, the engineer can start at once instead of asking.
describe--whole-story = The whole story of my morning
    .feedback = The key facts get lost in a long story, and the engineer has to dig for them. Keep it short: device, since when, the error, what you tried, who is affected.

## bounced

bounced = Two hours later the ticket comes back: "Please specify: which device? What error do you see? Since when? Is anyone else affected?" You're in a meeting and answer only at 13:00. The engineer picks it up again at 13:40, twenty minutes before your presentation.
    .hint = Press Next to go back to the question.
    .explanation = A ticket without the basic facts waits twice: once in the queue and once for your answers. The same facts written at the start would have saved the morning.

## write-ticket

write-ticket = Write the ticket's description yourself. The facts: laptop LT-0412, since about 9:00 "No internet" on both the cable and Wi-Fi, a restart didn't help, colleagues' connection works, a client presentation at 14:00, you're at desk 3-17 and on your mobile.
    .hint = Device, since when, what you see, what you tried, who is affected, why it's urgent, how to reach you.
    .explanation = Write it so that someone who has never seen your laptop can start working without asking you anything: the device and its tag, the time it started, the exact message, what you tried, that colleagues are fine, the deadline and how to reach you.
    .feedback =
        Thank you! Compare your text with this example:
        Laptop LT-0412: no internet since about 9:00. The laptop shows "No internet" on both the cable and Wi-Fi; a restart didn't help. Colleagues at the next desks are fine, so it seems to be my laptop only. I have a client presentation from this laptop at 14:00. I'm at desk 3-17, mobile +...

## ticket-number

ticket-number = The reply arrives: "Incident INC-48213 registered. An engineer will contact you." What do you do?
    .hint = What will you need if you have to ask about this ticket later?
    .explanation = The ticket number is the key to your case: any engineer can see the whole history in seconds. Save it with the time, and quote it in every call or message. Everything new about the same fault goes into the same ticket, not into a new one.
ticket-number--save = Save the number, quote it every time
    .feedback = Right. With the number, anyone at the desk finds the history at once, and you never have to tell the story again.
ticket-number--new-daily = A new ticket each day it's not fixed
    .feedback = Duplicates split the history and can even push you down the queue. One ticket per fault: add to it and quote its number.
ticket-number--ask-friend = Ask a friend in IT to fix it on the side
    .feedback = Fixes on the side aren't recorded: the desk doesn't learn about the fault, the same thing may break for others, and a change nobody recorded can break your laptop later. Let the ticket do its job.

## more-people

more-people = At 11:00 three colleagues at the next desks lose their connection too. The ticket is still open. What do you do?
    .hint = What has changed about the incident, and who needs to know?
    .explanation = When more people are affected, the impact has grown, and so may the priority. The engineer needs this fact in the existing ticket: several people losing the connection at once points to the network, not your laptop. Your colleagues can mention your ticket number so the desk links their reports to it instead of working on four tickets separately.
more-people--own-tickets = Each files a new ticket of their own
    .feedback = Four separate tickets look like four separate faults, and four engineers may start on them. Add the new fact to the existing ticket, and let colleagues quote its number.
more-people--say-nothing = Say nothing: the ticket is already open
    .feedback = The engineer is still looking at your laptop, while the problem has become a network one. Add the new fact to the ticket: the impact has grown.
more-people--add-to-ticket = Add to my ticket: now four people
    .feedback = Right. "Since 11:00 three colleagues at desks 3-15 to 3-18 have lost their connection too" changes the diagnosis and the priority. Colleagues can quote INC-48213.

## workaround

workaround = The engineer calls: "It's a faulty network switch on your floor. The new one arrives tomorrow. Until then, you can use the guest Wi-Fi with your work VPN." What do you do?
    .hint = What matters at 14:00: the perfect fix or a working connection?
    .explanation = A workaround restores the service quickly while the real fix is on its way. Use it, and keep the ticket open until the real fix is done: the ticket is resolved when the switch is replaced, not when you found a way around it.
workaround--refuse = Refuse: I want a proper fix today
    .feedback = The proper fix needs the new switch, which arrives tomorrow. Refusing the workaround won't speed it up and leaves you without a connection for the presentation.
workaround--use-it = Use it; keep the ticket open
    .feedback = Right. The workaround saves your presentation, and the open ticket makes sure the switch still gets replaced.
workaround--close-it = Say thanks and ask to close the ticket
    .feedback = Then the real fault may fall through the cracks: with the ticket closed, nobody is waiting for the switch. Use the workaround, and keep the ticket open until the fix.

## confirm-fix

confirm-fix = Two days later: "INC-48213 resolved: the switch has been replaced. Please confirm, or the ticket will close automatically in 3 days." What do you do?
    .hint = Who can say whether it really works at your desk?
    .explanation = Only you can confirm that the fix works where you use it. Check the cable connection at your desk, then confirm. If something still doesn't work, reply in the same ticket with what exactly doesn't work, rather than opening a new one: the engineer sees the whole history.
confirm-fix--confirm-blind = Click "Confirm" without checking
    .feedback = If it isn't fixed, you'll find out at the worst moment, and a closed ticket means starting again. It takes a minute to check the cable connection first.
confirm-fix--ignore = Ignore it: it'll close by itself
    .feedback = If something still doesn't work, the ticket closes anyway, and you start again from the beginning. Check and answer: it takes a minute.
confirm-fix--test-first = Check it works, then confirm
    .feedback = Right. Plug in the cable, open a couple of sites, then confirm. If something is still wrong, reply in the same ticket with what exactly doesn't work.
confirm-fix--new-ticket = Open a new ticket to say thanks
    .feedback = Kind, but a new ticket lands in the queue for someone to process. Say thanks when you confirm in the same ticket.

## done

done = Done! The service desk runs the network and the systems; your part is your own checks, the right form, an honest priority, clear facts, one ticket with its number and a checked fix. If something is still unclear, { $contact } can help.
done--restart-first = Check the lights and cables and restart your own equipment first; never press reset
done--only-me = Find out whether it's only you or others too
done--right-form = Something broke: incident. Something new: request
done--honest-priority = Give impact and urgency honestly, with the reason
done--facts = Describe the device, since when, the exact error, what you tried, who is affected
done--one-ticket = Save the ticket number; one ticket per fault
done--update-ticket = Add new facts, such as more people affected, to the same ticket
done--workaround = Use a workaround, but keep the ticket open until the real fix
done--confirm = Check that it works before you confirm the fix
