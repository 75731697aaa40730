from geoclaims.cli import main

raise SystemExit(main())
