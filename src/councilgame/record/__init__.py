"""The session record a teacher grades from (`councilgame report`, `compare`).

schema    the record's models: what the JSON holds, and its JSON Schema
classroom who sat where, from a save's optional classroom block (untrusted names)
build     a replayed game to a SessionRecord
sessions  reading saves and writing outputs, every failure one line naming the file
csv_out   the moves and the seats as CSV for a gradebook
pdf_kit   the PDFs' document, fonts and bars; pdf_out the report's pages
compare   several sessions of a case beside each other and beside history
commands  what the two subcommands do
"""
