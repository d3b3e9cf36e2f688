"""Make it move: a child's picture bounces, wobbles, dances, floats, spins and walks.

Pure logic (numpy and Pillow; no Qt, no torch), so the app, the gallery and `icanvas animate`
share it and it is tested without a display. figure.py cuts the picture into its parts and
finds legs; mesh.py lays a triangle mesh over each part and warps the picture with it;
arap.py bends a mesh as rigidly as possible; motions.py says where the vertices go;
animate.py makes the frames and saves the loop; command.py is `icanvas animate`; speed.py
measures it for `icanvas bench`; examples.py holds drawings with legs (the card sketches have
none). How it works, the figures and the contact sheet: docs/motions.md.

This file imports nothing heavy, so the command line can list the motions instantly.
"""

# In the order the app shows them. "walk" hops where a part has no legs.
MOTIONS = ("bounce", "wobble", "dance", "float", "spin-hop", "walk")
