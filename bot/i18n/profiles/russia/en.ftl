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
consumer-watchdog = Rospotrebnadzor, Russia's consumer protection authority
faulty-goods-deadlines = Under Russian consumer protection law, the seller must refund a faulty product within 10 days of receiving your claim and replace it within 7 days (20 if an extra quality check is needed), and a repair may not take longer than 45 days. For each day of delay, the law sets a penalty of 1% of the price.
return-policy = In Russia, you can exchange a non-food item that isn't faulty within 14 days, not counting the day of purchase, if it's unused and has kept its tags and labels; if there's no suitable replacement, you can get your money back. This doesn't apply to goods on the government's list, such as underwear, perfume and cosmetics, and online purchases have their own rules.
service-cancellation = Under Russian consumer protection law (article 32), you can cancel a contract for a service at any time; you pay only the costs the provider has actually incurred for you, and the rest must be refunded.
telemedicine-rule = In Russia, the law (323-FZ, article 36.2) says that at a first online consultation a doctor, as a rule, doesn't make a diagnosis or prescribe treatment: that takes an in-person visit. Online, the doctor can answer questions, decide whether you need to come in, and adjust treatment already prescribed in person.
