"""The commune's flow, one room: its schools' sealed summaries → read → decide → write (the Tờ trình, the Quyết định,
the province's import files). Each module's name opens with the layer it sits in, as the school's modules sit in
their folders (tests/house/test_architecture.py holds it to the same flow): ``model_book`` (cap-tren.xlsx's layout),
``system_key`` (the commune's key file), ``read_book``, ``read_inbox``, ``read_officer``, ``decide`` (pure),
``write``, ``write_book``, ``papers``, ``steps``, ``steps_codes``, ``steps_officer`` and ``commands`` (init, merge,
status at the commune, dispatched by the service).

What the school's side uses too stays in its folder: ``model/commune.py`` (the sealed summary's format, written by
the school, read here), ``model/commune_key.py`` (the school's code and seal, checked by the school's merge and its
drafts) and ``text/commune.py`` (the commune's words, in the catalogue with every user-facing string)."""
