# exit: 1
# Uncaught AttributeError raised while a class body runs, through a method call chain and a property.
class Config:
    @property
    def section(self):
        return self.data.get("section")
for i in range(8):
    print("setup", i)
class Broken:
    settings = Config()
    value = settings.section
