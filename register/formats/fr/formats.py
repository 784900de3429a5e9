# How dates are typed in French: JJ/MM/AAAA, the year in four digits (15/09/20 could be 1920
# or 2020), or ISO 8601 (2020-09-15), which no one reads another way. Django's own French list
# also takes 15/09/20 and 15.09.2020: a guess this register does not make.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
