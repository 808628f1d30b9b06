"""The teacher's side of a lesson, headless: the class file's PIN, and the class report built from results."""
