"""Team meetings (werkoverleg) with Digivaardig on the agenda (plan §2: at least once a month), and
the agenda suggestion a team leader pastes into the agenda."""
