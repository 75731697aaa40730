"""Stage 8, web: everything a person looks at.

Owns the HTML assets and Jinja helpers, templates, styles, the offline basemap, interactive maps
(``explore``), the day pages and the index page with its time slider (``render_daily``), publication
maps (``plot``), and the Timeline display backend (:mod:`geoclaims.web.display`) that
``Timeline.explore``, ``Timeline.plot`` and the Jupyter view use. May import every lower stage. Folium,
Jinja and matplotlib load only when a function here needs them.
"""
