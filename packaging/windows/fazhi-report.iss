; Inno Setup 6 recipe for the Windows installer (packaging/build.py runs ISCC.exe with the defines below).
; Per-user install without administrator rights (PrivilegesRequired=lowest: {autopf} is
; %LOCALAPPDATA%\Programs, HKA is HKEY_CURRENT_USER), shortcuts in the Start menu and on the desktop,
; .fzbg drafts open with the program. Uninstalling removes only the program's folder: drafts and
; %APPDATA%\fazhi-report (recovery copies, county rules) stay.
; Not tried here: the project's machines run Linux (see README, 安装 → Windows).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\fazhi-report"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef OutputBaseFilename
  #define OutputBaseFilename "fazhi-report_" + AppVersion + "_windows_x64_setup"
#endif

[Setup]
AppId={{6F1C2B7E-4D0A-4E59-9B4C-3F2A8D5E7C11}
AppName=法治报告助手
AppVersion={#AppVersion}
AppVerName=法治报告助手 {#AppVersion}
AppPublisher=法治报告助手开发组
DefaultDirName={autopf}\fazhi-report
DefaultGroupName=法治报告助手
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBaseFilename}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\fazhi-report.exe

[Languages]
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\Unofficial\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#else
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\法治报告助手"; Filename: "{app}\fazhi-report.exe"
Name: "{autodesktop}\法治报告助手"; Filename: "{app}\fazhi-report.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.fzbg"; ValueType: string; ValueName: ""; ValueData: "FazhiReport.Draft"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.fzbg\OpenWithProgids"; ValueType: string; ValueName: "FazhiReport.Draft"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\FazhiReport.Draft"; ValueType: string; ValueName: ""; ValueData: "法治报告草稿"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\FazhiReport.Draft\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\fazhi-report.exe,0"
Root: HKA; Subkey: "Software\Classes\FazhiReport.Draft\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\fazhi-report.exe"" ""%1"""

[Run]
Filename: "{app}\fazhi-report.exe"; Description: "启动法治报告助手"; Flags: nowait postinstall skipifsilent
