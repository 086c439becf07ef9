import FlatDesk
print("flatdesk")
