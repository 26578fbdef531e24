"""Learning activity on the platform (plan §2, goal 2): self-logged, imported from the platform's
CSV export, or pushed as xAPI statements. A month counts as active when it holds any activity."""
