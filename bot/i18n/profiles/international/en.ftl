# Profile "international": no country's law or numbers stated as universal. Values send
# the learner to their own bank's terms and their own country's rules.
# Each message is the value of the variable of the same name ($emergency...).

provider = your bank
provider-app = your bank's app
provider-website = your bank's official website
support-channels = the chat in your bank's app or the phone number on the back of your card
emergency = your local emergency number (112 across the EU, 911 in the US and Canada, 999 in the UK)
crisis-line = your local emergency number or a crisis line (988 in the US, 116 123 in the UK and Ireland)
regulator = your country's financial regulator
ombudsman = your country's financial ombudsman, if it has one
dispute-deadline = at once: your bank's terms and your country's rules set the deadline, and it can be short
consumer-law = the consumer law of your country
consumer-watchdog = your country's consumer protection authority
faulty-goods-deadlines = How long the seller has to repair, replace or refund depends on your country's consumer law and the seller's terms: some countries set a number of days, others "a reasonable time" (as in the EU). Look up the rule for your country, for example on your consumer protection authority's website.
return-policy = Whether a shop must take back an item that isn't faulty depends on where you are: in many countries it doesn't have to, unless its own return policy says so, while online purchases often have a cooling-off period (14 days in the EU and the UK). Check the shop's return policy and keep to its deadline.
service-cancellation = Your contract and your country's consumer law set when you can cancel and how much you get back; in many countries you can cancel and pay only for what you have already received. Read the cancellation terms and ask the provider in writing.
telemedicine-rule = In some countries the law limits what a doctor can do at a first online consultation: they may not be allowed to make a diagnosis or prescribe treatment and will ask you to come in. Ask the service beforehand what this consultation can and can't do.
