"""A class on one machine: the session's plan (case, lesson length, who holds which seat), its roster
and its PIN. The rules engine knows none of this: a classroom session is a game whose seats people
hold, with the names of the people beside them."""
