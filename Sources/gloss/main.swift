import GlossCLI

GlossMain.main()
