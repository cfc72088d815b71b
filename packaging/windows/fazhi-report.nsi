; NSIS recipe for the Windows installer, used by packaging/build.py when Inno Setup is not installed:
;   makensis /DVERSION=0.1.0 /DSOURCE_DIR=dist\fazhi-report /DOUTFILE=dist\fazhi-report_0.1.0_windows_x64_setup.exe fazhi-report.nsi
; Per-user install without administrator rights, Start menu and desktop shortcuts, .fzbg opens with
; the program. The uninstaller removes the program's folder only: drafts and %APPDATA%\fazhi-report stay.
; Not tried here: the project's machines run Linux (see README).

Unicode true
!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\..\dist\fazhi-report"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\fazhi-report_${VERSION}_windows_x64_setup.exe"
!endif
!define APP_NAME "法治报告助手"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\fazhi-report"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\fazhi-report"
SetCompressor /SOLID lzma
!include "MUI2.nsh"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\fazhi-report.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "Install"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\fazhi-report.exe"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\fazhi-report.exe"
  WriteRegStr HKCU "Software\Classes\.fzbg" "" "FazhiReport.Draft"
  WriteRegStr HKCU "Software\Classes\FazhiReport.Draft" "" "法治报告草稿"
  WriteRegStr HKCU "Software\Classes\FazhiReport.Draft\DefaultIcon" "" "$INSTDIR\fazhi-report.exe,0"
  WriteRegStr HKCU "Software\Classes\FazhiReport.Draft\shell\open\command" "" '"$INSTDIR\fazhi-report.exe" "%1"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey HKCU "Software\Classes\FazhiReport.Draft"
  DeleteRegValue HKCU "Software\Classes\.fzbg" ""
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  RMDir /r "$INSTDIR"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
SectionEnd
