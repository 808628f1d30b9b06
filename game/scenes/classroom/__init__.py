"""The screens of class mode: a student typing a name, a teacher unlocking or making a class."""
