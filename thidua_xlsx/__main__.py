from thidua_xlsx.cli import main

main()
