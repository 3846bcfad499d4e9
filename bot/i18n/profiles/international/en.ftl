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
