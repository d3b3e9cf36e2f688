"""`python -m icanvas_desktop` behaves exactly like the `icanvas` command."""

from icanvas_desktop.cli import main

raise SystemExit(main())
