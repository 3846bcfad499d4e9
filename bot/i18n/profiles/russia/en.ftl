# Profile "Russia": the market's facts for English scenario texts, for English speakers
# in Russia. Each message is the value of the variable of the same name ($emergency...).
# A provider copies the folder, writes its own values and names it in ROLEBOT_PROFILE.

provider = your bank
provider-app = your bank's app
provider-website = your bank's official website
support-channels = the chat in your bank's app or the phone number on the back of your card
emergency = 112
crisis-line = 112 or a helpline (for children and teenagers: 8-800-2000-122, free of charge)
regulator = the Bank of Russia (cbr.ru)
ombudsman = the financial ombudsman (finombudsman.ru)
dispute-deadline = no later than the day after the bank notified you of the transaction (Russian law, 161-FZ, requires this)
consumer-law = Russian consumer protection law
