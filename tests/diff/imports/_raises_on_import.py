print("_raises_on_import runs")
raise ValueError("module body failed")
