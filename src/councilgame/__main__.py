from councilgame.cli import main

raise SystemExit(main())
