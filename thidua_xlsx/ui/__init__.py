"""The local page (``thidua-xlsx ui``): a door beside the CLI, server-rendered over the same service calls.

``pages`` gathers what a page shows from the service (no rule of its own), ``jobs`` runs the service's long calls in
a background thread with their progress, ``app`` is the Flask application (token, CSRF, containment), ``serve``
starts it on the loopback address, ``launchers`` writes the double-click files ``init`` leaves in a campaign folder.
"""
