"""The pygame_gui theme and the few widgets it lacks: keyboard focus, notices, dialogs."""
