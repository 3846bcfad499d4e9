# TODO: replace every text that starts with "TODO:". The keys follow the ids in
# scenarios/__ID__.yaml: `rolebot validate` says which are missing or extra.

title = TODO: Topic name (up to 40 characters)
description = TODO: One or two sentences on what the learner will practise. About 5 minutes.

objective--main-part = TODO: What the learner will be able to do afterwards

## intro

intro = TODO: What the service does for you, and what only you can do. Then the situation we will walk through.
    .hint = TODO: Just read and press Next: the questions start on the next step.

## situation

situation = TODO: Describe a real situation and ask what the learner does.
    .hint = TODO: A nudge: a question that points towards the right answer.
    .explanation = TODO: The full reasoning, without simply naming the right button.
situation--mistake = TODO: A common mistake (short phrase)
    .feedback = TODO: Why it does not work and what it leads to, without blaming.
situation--right = TODO: The right action (short phrase)
    .feedback = TODO: Right. Why this works.

## done

done = TODO: Sum up what the service does and what your part is. If something is still unclear, { $contact } can help.
done--main-step = TODO: One rule to remember, as an instruction
