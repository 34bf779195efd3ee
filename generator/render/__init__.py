"""The render stage: the linked library and the built weeks -> {output path: file bytes}.

`pages.render_site` is the stage: each page through its Jinja2 template
(templates/, layout only), with the structured data (`structured`, JSON-LD),
the calendar files (`ics`) and the preview cards each page names (`cards`,
drawn with generator/draw/card.py and written after the pages).
"""
