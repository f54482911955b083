"""The bundled articles, shipped inside the wheel as karabakh_cli.seeds."""
