from nencheck.cli.main import main

raise SystemExit(main())
