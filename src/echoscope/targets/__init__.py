"""Who is accused of what: targets, charges and responses.

Each sentence that attacks, accuses, condemns, blames or demands action against a person,
party or organisation becomes an :class:`echoscope.model.Accusation` with its evidence: the
sentence, the cue and the target's mention (:mod:`.extract`, with the English and Urdu rules
in :mod:`.english` and :mod:`.urdu`). Names are resolved to one entity across spellings and
scripts from the corpus's own metadata and a user's alias file (:mod:`.entities`). A later
document that accuses the authors of an earlier one, who had accused its side, answers it
(:mod:`.responses`). :mod:`.stage` runs all this over a store, incrementally.
"""
