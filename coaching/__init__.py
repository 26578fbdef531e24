"""The plan's support measures (§5.1, hygiene): digicoaches and buddies with a strippenkaart,
ambassadors per municipality, inspiration sessions, compliment cards and the certificate for
completing both rounds of the zelfscan."""
