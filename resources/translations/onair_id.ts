<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>About</name>
    <message>
        <location filename="../../radio_desk/gui/about.py" line="17"/>
        <source>Speech model</source>
        <translation>Model suara</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/about.py" line="18"/>
        <source>OpenAI whisper-base, converted for CTranslate2 — MIT licence</source>
        <translation>OpenAI whisper-base, dikonversi untuk CTranslate2 — lisensi MIT</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/about.py" line="21"/>
        <source>Gazetteer</source>
        <translation>Gazetir</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/about.py" line="22"/>
        <source>Jawa Timur administrative areas from github.com/cahyadsn/wilayah — MIT licence</source>
        <translation>Wilayah administrasi Jawa Timur dari github.com/cahyadsn/wilayah — lisensi MIT</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/about.py" line="27"/>
        <source>Fonts</source>
        <translation>Fon</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/about.py" line="28"/>
        <source>DejaVu Sans — free licence (Bitstream Vera derivative)</source>
        <translation>DejaVu Sans — lisensi bebas (turunan Bitstream Vera)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/about.py" line="30"/>
        <source>Qt %s and PySide6 %s — LGPL v3</source>
        <translation>Qt %s dan PySide6 %s — LGPL v3</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/about.py" line="33"/>
        <source>Records, transcribes and triages citizens&apos; complaints taken on local radio. Works offline.</source>
        <translation>Merekam, mentranskrip, dan memilah aduan warga lewat radio lokal. Bekerja tanpa internet.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/about.py" line="36"/>
        <source>Radio Desk is released under the MIT licence. Bundled components:</source>
        <translation>Radio Desk dirilis dengan lisensi MIT. Komponen yang disertakan:</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/about.py" line="41"/>
        <source>About Radio Desk</source>
        <translation>Tentang Radio Desk</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The previous one is kept as %1.</source>
        <translation>Basis data sebelumnya disimpan sebagai %1.</translation>
    </message>
    <message>
        <source>The database was restored from %1.</source>
        <translation>Basis data dipulihkan dari %1.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/app.py" line="37"/>
        <source>Unexpected error</source>
        <translation>Galat tak terduga</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/app.py" line="38"/>
        <source>Radio Desk hit an unexpected error: %s

Recordings and the form are kept. A crash report was written to %s (nothing is sent anywhere).</source>
        <translation>Radio Desk mengalami galat tak terduga: %s

Rekaman dan formulir tetap aman. Laporan galat ditulis ke %s (tidak dikirim ke mana pun).</translation>
    </message>
</context>
<context>
    <name>DeviceList</name>
    <message>
        <location filename="../../radio_desk/gui/device_list.py" line="14"/>
        <source>System default input</source>
        <translation>Input bawaan sistem</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to Radio Desk. Three questions and the desk is ready; everything can be changed later in Settings.</source>
        <translation>Selamat datang di Radio Desk. Tiga pertanyaan dan meja siap dipakai; semuanya bisa diubah nanti di Pengaturan.</translation>
    </message>
    <message>
        <source>Fill in the station name first (for example Radio Malowopati FM).</source>
        <translation>Isi nama stasiun dulu (misalnya Radio Malowopati FM).</translation>
    </message>
    <message numerus="yes">
        <source>Welcome to Radio Desk. Answer %n question(s) and the desk is ready; everything can be changed later in Settings.</source>
        <translation>
            <numerusform>Selamat datang di Radio Desk. Jawab %n pertanyaan dan meja siap dipakai; semuanya bisa diubah nanti di Pengaturan.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/first_start.py" line="49"/>
        <source>Opening the input… speak or play something.</source>
        <translation>Membuka input… bicaralah atau putar sesuatu.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/first_start.py" line="60"/>
        <source>The input could not be opened: %s</source>
        <translation>Input tidak bisa dibuka: %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/first_start.py" line="72"/>
        <source>Listening… %d s</source>
        <translation>Mendengarkan… %d dtk</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/first_start.py" line="82"/>
        <source>No signal (peak %.0f dBFS): check the mixer and the cable.</source>
        <translation>Tidak ada sinyal (puncak %.0f dBFS): periksa mixer dan kabel.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/first_start.py" line="84"/>
        <source>Too loud (peak %.0f dBFS, clipping): turn the input down.</source>
        <translation>Terlalu keras (puncak %.0f dBFS, clipping): turunkan level input.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/first_start.py" line="85"/>
        <source>Good level (peak %.0f dBFS).</source>
        <translation>Level bagus (puncak %.0f dBFS).</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.ui" line="8"/>
        <source>Radio Desk: first start</source>
        <translation>Radio Desk: mulai pertama</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.ui" line="28"/>
        <source>Station name</source>
        <translation>Nama stasiun</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.ui" line="38"/>
        <source>Audio input</source>
        <translation>Input audio</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.ui" line="48"/>
        <source>Interface language</source>
        <translation>Bahasa antarmuka</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.ui" line="62"/>
        <source>Test input (5 s)</source>
        <translation>Uji input (5 dtk)</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Desa is in:</source>
        <translation>Desa ada di:</translation>
    </message>
    <message>
        <source>Desa “%s” is not in Kecamatan %s; it is in Kecamatan %s.</source>
        <translation>Desa “%s” tidak ada di Kecamatan %s; desa itu ada di Kecamatan %s.</translation>
    </message>
    <message>
        <source>Switch to Kec. %s</source>
        <translation>Pindah ke Kec. %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/intake.py" line="0"/>
        <source>Place?</source>
        <translation>Tempat?</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/intake.py" line="0"/>
        <source>Desa %s, Kec. %s</source>
        <translation>Desa %s, Kec. %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/intake.py" line="0"/>
        <source>Kec. %s</source>
        <translation>Kec. %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/intake.py" line="0"/>
        <source>%d possible places: choose one</source>
        <translation>%d kemungkinan tempat: pilih satu</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/intake.py" line="0"/>
        <source>The place is not certain: choose it under “Place?” or type it.</source>
        <translation>Tempatnya belum pasti: pilih di “Tempat?” atau ketik.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/intake.py" line="135"/>
        <source>Kecamatan “%s” not found in the regency.</source>
        <translation>Kecamatan “%s” tidak ada di kabupaten ini.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/intake.py" line="147"/>
        <source>Desa “%s” not found.</source>
        <translation>Desa “%s” tidak ditemukan.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/intake.py" line="189"/>
        <source>First call from this number.</source>
        <translation>Panggilan pertama dari nomor ini.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../radio_desk/gui/onair/intake.py" line="195"/>
        <source>Called before (%n time(s)): </source>
        <translation>
            <numerusform>Pernah menelepon (%n kali): </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/intake.py" line="230"/>
        <source>Suggested: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>Saran: &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/intake.py" line="233"/>
        <source>urgency %s</source>
        <translation>urgensi %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/intake.py" line="365"/>
        <source>Unknown kecamatan: check the spelling.</source>
        <translation>Kecamatan tidak dikenal: periksa ejaannya.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/intake.py" line="369"/>
        <source>Unknown desa: check the spelling.</source>
        <translation>Desa tidak dikenal: periksa ejaannya.</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../radio_desk/gui/onair/level_meter.py" line="24"/>
        <source>Input level</source>
        <translation>Level input</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Later</source>
        <translation>Nanti</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Buka ulang sekarang</translation>
    </message>
    <message>
        <source>The new interface language applies when Radio Desk starts again. Restart now?</source>
        <translation>Bahasa antarmuka yang baru berlaku saat Radio Desk dibuka lagi. Buka ulang sekarang?</translation>
    </message>
    <message>
        <source>The new interface language applies when Radio Desk starts again (after this call).</source>
        <translation>Bahasa antarmuka yang baru berlaku saat Radio Desk dibuka lagi (sesudah panggilan ini).</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Bahasa antarmuka</translation>
    </message>
    <message>
        <source>● On-Air (recording)</source>
        <translation>● On-Air (merekam)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/main_window.py" line="113"/>
        <source>&amp;Weekly report…</source>
        <translation>&amp;Laporan mingguan…</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/main_window.py" line="37"/>
        <location filename="../../ui/main_window.ui" line="22"/>
        <source>Radio Desk</source>
        <translation>Radio Desk</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/main_window.py" line="41"/>
        <source> (demo)</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/main_window.py" line="45"/>
        <source>On-Air</source>
        <translation>On-Air</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/main_window.py" line="47"/>
        <location filename="../../radio_desk/gui/main_window.py" line="78"/>
        <source>Editor</source>
        <translation>Redaksi</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/main_window.py" line="47"/>
        <source>Loading the editor…</source>
        <translation>Memuat ruang redaksi…</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/main_window.py" line="70"/>
        <source>The editor workspace is not available in this version (%s).</source>
        <translation>Ruang redaksi belum tersedia di versi ini (%s).</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/main_window.py" line="116"/>
        <source>Audio: no input</source>
        <translation>Audio: tidak ada input</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/main_window.py" line="118"/>
        <source>Audio: %s</source>
        <translation>Audio: %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/main_window.py" line="168"/>
        <source>No central server configured (Settings → Central server).</source>
        <translation>Server pusat belum diatur (Pengaturan → Server pusat).</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/main_window.py" line="200"/>
        <source>New audio settings apply after this call.</source>
        <translation>Pengaturan audio baru berlaku setelah panggilan ini.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="64"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="73"/>
        <source>&amp;Call</source>
        <translation>&amp;Panggilan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="90"/>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="99"/>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="121"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="129"/>
        <source>First-start &amp;assistant…</source>
        <translation>&amp;Asisten awal…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="134"/>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="142"/>
        <source>&amp;Record / Stop</source>
        <translation>&amp;Rekam / Berhenti</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="150"/>
        <source>&amp;Accept suggestions</source>
        <translation>&amp;Terima saran</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="158"/>
        <source>&amp;Save case</source>
        <translation>&amp;Simpan aduan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="166"/>
        <source>&amp;New form</source>
        <translation>Formulir &amp;baru</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="174"/>
        <source>Urgency 1: Low</source>
        <translation>Urgensi 1: Rendah</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="182"/>
        <source>Urgency 2: Medium</source>
        <translation>Urgensi 2: Sedang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="190"/>
        <source>Urgency 3: High</source>
        <translation>Urgensi 3: Tinggi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="198"/>
        <source>Urgency 4: Emergency</source>
        <translation>Urgensi 4: Darurat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="206"/>
        <source>Go to &amp;phone</source>
        <translation>Ke kolom &amp;telepon</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="214"/>
        <source>Go to &amp;today&apos;s calls</source>
        <translation>Ke &amp;panggilan hari ini</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="222"/>
        <source>&amp;On-Air desk</source>
        <translation>Meja &amp;On-Air</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="230"/>
        <source>&amp;Editor</source>
        <translation>&amp;Redaksi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="238"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="246"/>
        <source>Open &amp;log folder</source>
        <translation>Buka folder &amp;log</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="251"/>
        <source>&amp;About Radio Desk</source>
        <translation>&amp;Tentang Radio Desk</translation>
    </message>
    <message>
        <source>&amp;Discarded…</source>
        <translation>&amp;Dibuang…</translation>
    </message>
    <message>
        <source>Discarded cases and recordings: who, when, why; restore</source>
        <translation>Aduan dan rekaman yang dibuang: oleh siapa, kapan, mengapa; pulihkan</translation>
    </message>
    <message>
        <source>&amp;Discard call…</source>
        <translation>&amp;Buang panggilan…</translation>
    </message>
</context>
<context>
    <name>OnAirDesk</name>
    <message>
        <location filename="../../radio_desk/gui/onair/desk.py" line="287"/>
        <location filename="../../ui/onair_desk.ui" line="32"/>
        <source>Record (F9)</source>
        <translation>Rekam (F9)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/desk.py" line="289"/>
        <location filename="../../ui/onair_desk.ui" line="63"/>
        <source>Listening</source>
        <translation>Mendengarkan</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/desk.py" line="400"/>
        <source>Nothing to save: the form is empty.</source>
        <translation>Tidak ada yang disimpan: formulir kosong.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/desk.py" line="432"/>
        <source>Case saved: %s</source>
        <translation>Aduan tersimpan: %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/desk.py" line="437"/>
        <source>Not saved: %s</source>
        <translation>Belum tersimpan: %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/desk.py" line="501"/>
        <source>Database error: %s</source>
        <translation>Galat basis data: %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/desk.py" line="505"/>
        <source>Editing the case of %s (%s)</source>
        <translation>Menyunting aduan %s (%s)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/desk.py" line="511"/>
        <source>New case for the call at %s</source>
        <translation>Aduan baru untuk panggilan pukul %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/desk.py" line="514"/>
        <source>New case</source>
        <translation>Aduan baru</translation>
    </message>
    <message numerus="yes">
        <location filename="../../radio_desk/gui/onair/desk.py" line="518"/>
        <source>%n more call(s) waiting for the form</source>
        <translation>
            <numerusform>%n panggilan lagi menunggu formulir</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="12"/>
        <source>On-Air desk</source>
        <translation>Meja On-Air</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="24"/>
        <source>On air</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="53"/>
        <source>00:00:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="79"/>
        <source>Input: —</source>
        <translation>Input: —</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="86"/>
        <source>Pre-roll: 10 s</source>
        <translation>Pre-roll: 10 dtk</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="111"/>
        <source>Live transcript</source>
        <translation>Transkrip langsung</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="135"/>
        <source>Intake</source>
        <translation>Pencatatan</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="153"/>
        <source>Caller</source>
        <translation>Penelepon</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="160"/>
        <source>Name, or empty for Anonim</source>
        <translation>Nama, atau kosong untuk Anonim</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="167"/>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="174"/>
        <source>0812…</source>
        <translation>0812…</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="191"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="201"/>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="211"/>
        <source>Channel</source>
        <translation>Saluran</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="223"/>
        <source>Anonim (hide identity)</source>
        <translation>Anonim (sembunyikan identitas)</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="230"/>
        <source>Rahasia (confidential)</source>
        <translation>Rahasia (laporan tertutup)</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="239"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="264"/>
        <source>Accept (F8)</source>
        <translation>Terima (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="276"/>
        <source>Urgency</source>
        <translation>Urgensi</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="285"/>
        <source>1 Low</source>
        <translation>1 Rendah</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="298"/>
        <source>2 Medium</source>
        <translation>2 Sedang</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="311"/>
        <source>3 High</source>
        <translation>3 Tinggi</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="324"/>
        <source>4 Emergency</source>
        <translation>4 Darurat</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="339"/>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="346"/>
        <source>One line: what is the complaint?</source>
        <translation>Satu baris: apa aduannya?</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="353"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="407"/>
        <source>New form</source>
        <translation>Formulir baru</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="414"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>Simpan (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/onair_desk.ui" line="431"/>
        <source>Today&apos;s calls</source>
        <translation>Panggilan hari ini</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>WIT (UTC+9, eastern Indonesia)</source>
        <translation>WIT (UTC+9, Indonesia bagian timur)</translation>
    </message>
    <message>
        <source>WITA (UTC+8, central Indonesia)</source>
        <translation>WITA (UTC+8, Indonesia bagian tengah)</translation>
    </message>
    <message>
        <source>WIB (UTC+7, western Indonesia)</source>
        <translation>WIB (UTC+7, Indonesia bagian barat)</translation>
    </message>
    <message>
        <source>The connection test failed: %s</source>
        <translation>Uji sambungan gagal: %s</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Menguji sambungan…</translation>
    </message>
    <message>
        <source>(nobody named)</source>
        <translation>(belum dipilih)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>Keep daily backups for</source>
        <translation>Simpan cadangan harian selama</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Uji sambungan</translation>
    </message>
    <message>
        <source>Operators (one per line)</source>
        <translation>Operator (satu nama per baris)</translation>
    </message>
    <message>
        <source>Station time zone</source>
        <translation>Zona waktu stasiun</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/settings_dialog.py" line="39"/>
        <source>Mono</source>
        <translation>Mono</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/settings_dialog.py" line="40"/>
        <source>Stereo mixed to mono</source>
        <translation>Stereo dicampur jadi mono</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/settings_dialog.py" line="41"/>
        <source>Two channels: 1 caller (phone hybrid), 2 host</source>
        <translation>Dua kanal: 1 penelepon (hybrid telepon), 2 penyiar</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/settings_dialog.py" line="56"/>
        <source>(stored)</source>
        <translation>(tersimpan)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/settings_dialog.py" line="84"/>
        <source>The server address must start with http:// or https://.</source>
        <translation>Alamat server harus diawali http:// atau https://.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="8"/>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="16"/>
        <source>Station</source>
        <translation>Stasiun</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="22"/>
        <source>Station name</source>
        <translation>Nama stasiun</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="32"/>
        <source>Home regency</source>
        <translation>Kabupaten asal</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="42"/>
        <source>Operator on duty</source>
        <translation>Operator bertugas</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="55"/>
        <source>Audio input</source>
        <translation>Input audio</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="61"/>
        <source>Input device</source>
        <translation>Perangkat input</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="71"/>
        <source>Channels</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="81"/>
        <source>Pre-roll</source>
        <translation>Pre-roll</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="88"/>
        <source> s</source>
        <translation> dtk</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="104"/>
        <source>Transcription</source>
        <translation>Transkripsi</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="110"/>
        <source>Engine</source>
        <translation>Mesin</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="120"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="127"/>
        <source>empty = bundled whisper-base; a name (small) or a folder</source>
        <translation>kosong = whisper-base bawaan; nama (small) atau folder</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="134"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="144"/>
        <source>Live transcript during the call</source>
        <translation>Transkrip langsung selama panggilan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="154"/>
        <source>Central server</source>
        <translation>Server pusat</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="160"/>
        <source>Server address</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="174"/>
        <source>Station key</source>
        <translation>Kunci stasiun</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="201"/>
        <source>Interface</source>
        <translation>Antarmuka</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="207"/>
        <source>Interface language</source>
        <translation>Bahasa antarmuka</translation>
    </message>
    <message>
        <source>Role of this desk</source>
        <translation>Peran meja ini</translation>
    </message>
    <message>
        <source>Only a coordinator's desk may reopen a case with a final status (with a reason).</source>
        <translation>Hanya meja koordinator yang boleh membuka kembali aduan berstatus akhir (dengan alasan).</translation>
    </message>
    <message>
        <source>Operator (on-air calls)</source>
        <translation>Operator (panggilan on-air)</translation>
    </message>
    <message>
        <source>Editor (cases, rundown)</source>
        <translation>Editor (aduan, rundown)</translation>
    </message>
    <message>
        <source>Coordinator (may reopen a final case)</source>
        <translation>Koordinator (boleh membuka kembali aduan berstatus akhir)</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>, next try in %d s</source>
        <translation>, dicoba lagi dalam %d dtk</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>menyinkron</translation>
    </message>
    <message>
        <source>● Recording %s</source>
        <translation>● Merekam %s</translation>
    </message>
    <message>
        <source>Not sent: %s</source>
        <translation>Tidak terkirim: %s</translation>
    </message>
    <message numerus="yes">
        <source>, %n not accepted</source>
        <translation>
            <numerusform>, %n ditolak server</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="32"/>
        <source>Audio: opening…</source>
        <translation>Audio: membuka…</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="33"/>
        <location filename="../../radio_desk/gui/status_bar.py" line="61"/>
        <source>Speech model: loading…</source>
        <translation>Model suara: memuat…</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="34"/>
        <source>Sync: —</source>
        <translation>Sinkron: —</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="53"/>
        <source>Audio: input lost, reopening…</source>
        <translation>Audio: input hilang, membuka ulang…</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="55"/>
        <source>Audio: %s (%d Hz)</source>
        <translation>Audio: %s (%d Hz)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="64"/>
        <source>Speech model: ready (%s)</source>
        <translation>Model suara: siap (%s)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="67"/>
        <source>Speech model: failed</source>
        <translation>Model suara: gagal</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="70"/>
        <source>Speech model failed to load: %s</source>
        <translation>Model suara gagal dimuat: %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="98"/>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="99"/>
        <source>online</source>
        <translation>daring</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="99"/>
        <source>offline</source>
        <translation>luring</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="100"/>
        <source>Sync: %s, %d waiting, last %s</source>
        <translation>Sinkron: %s, %d menunggu, terakhir %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="104"/>
        <source>Disk: %.1f GB free</source>
        <translation>Disk: %.1f GB kosong</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/status_bar.py" line="106"/>
        <source> (~%d h of recording)</source>
        <translation> (±%d jam rekaman)</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Follow-up: %1</source>
        <translation>Tindak lanjut: %1</translation>
    </message>
    <message>
        <source>not accepted</source>
        <translation>ditolak server</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/today.py" line="46"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/today.py" line="46"/>
        <source>Caller</source>
        <translation>Penelepon</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/today.py" line="46"/>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/today.py" line="46"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/today.py" line="47"/>
        <source>Urgency</source>
        <translation>Urgensi</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/today.py" line="47"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/today.py" line="47"/>
        <source>Sync</source>
        <translation>Sinkron</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/today.py" line="82"/>
        <source>sent</source>
        <translation>terkirim</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/onair/today.py" line="82"/>
        <source>waiting</source>
        <translation>menunggu</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../radio_desk/gui/single_instance.py" line="118"/>
        <source>Radio Desk is already running; its window was brought forward.</source>
        <translation>Radio Desk sudah berjalan; jendelanya dibawa ke depan.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/single_instance.py" line="127"/>
        <source>Radio Desk is already running. Switch to its window (the taskbar), or close it first.</source>
        <translation>Radio Desk sudah berjalan. Buka jendelanya (lewat taskbar), atau tutup dulu aplikasi itu.</translation>
    </message>
</context>
<context>
    <name>LengthGuard</name>
    <message>
        <source>%1 is too long: %2 characters, at most %3. Shorten it before saving.</source>
        <translation>%1 terlalu panjang: %2 karakter, paling banyak %3. Perpendek sebelum menyimpan.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Caller name</source>
        <translation>Nama penelepon</translation>
    </message>
</context>
<context>
    <name>SyncNow</name>
    <message>
        <source>Syncing now…</source>
        <translation>Menyinkron sekarang…</translation>
    </message>
    <message>
        <source>No central server configured (Settings → Central server).</source>
        <translation>Server pusat belum diatur (Pengaturan → Server pusat).</translation>
    </message>
    <message>
        <source>Send waiting cases and fetch statuses now</source>
        <translation>Kirim aduan yang menunggu dan ambil status sekarang</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>Si&amp;nkron sekarang</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Restore cancelled.</source>
        <translation>Pemulihan dibatalkan.</translation>
    </message>
    <message>
        <source>Everything saved after this backup is replaced. The current database is kept as a safety copy beside it. Radio Desk closes and starts again.</source>
        <translation>Semua yang disimpan sesudah cadangan ini diganti. Basis data sekarang disimpan sebagai salinan pengaman di sebelahnya. Radio Desk ditutup lalu dibuka lagi.</translation>
    </message>
    <message>
        <source>The backup holds %1 cases; the newest was received %2.</source>
        <translation>Cadangan ini memuat %1 aduan; yang terbaru diterima %2.</translation>
    </message>
    <message>
        <source>Restore the database from %1?</source>
        <translation>Pulihkan basis data dari %1?</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Not restored: %s</source>
        <translation>Tidak dipulihkan: %s</translation>
    </message>
    <message>
        <source>Checking %s…</source>
        <translation>Memeriksa %s…</translation>
    </message>
    <message>
        <source>Radio Desk database (*.sqlite3)</source>
        <translation>Basis data Radio Desk (*.sqlite3)</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Backup failed: %s</source>
        <translation>Pencadangan gagal: %s</translation>
    </message>
    <message>
        <source>Backup saved: %s</source>
        <translation>Cadangan disimpan: %s</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Mencadangkan basis data…</translation>
    </message>
    <message>
        <source>Daily backup saved: %s</source>
        <translation>Cadangan harian disimpan: %s</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Pulihkan dari cadangan…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Cadangkan sekarang</translation>
    </message>
</context>
<context>
    <name>OperatorSwitch</name>
    <message>
        <source>Nobody named on duty</source>
        <translation>Belum ada operator yang bertugas</translation>
    </message>
    <message>
        <source>On duty: %s</source>
        <translation>Bertugas: %s</translation>
    </message>
    <message>
        <source>(name operators in Settings)</source>
        <translation>(isi daftar operator di Pengaturan)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(pilih)</translation>
    </message>
    <message>
        <source>Who is on duty: edits and status changes are recorded under this name</source>
        <translation>Siapa yang bertugas: suntingan dan perubahan status dicatat atas nama ini</translation>
    </message>
    <message>
        <source>On duty:</source>
        <translation>Bertugas:</translation>
    </message>
</context>
<context>
    <name>DataLabels</name>
    <message>
        <source>bundled</source>
        <translation>bawaan</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Datang langsung</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>On-air call</source>
        <translation>Telepon siaran</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Darurat</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Tinggi</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Sedang</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Rendah</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Not our responsibility</source>
        <translation>Bukan wewenang</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Diproses</translation>
    </message>
    <message>
        <source>Forwarded to the OPD</source>
        <translation>Diteruskan ke OPD</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Terverifikasi</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Penelepon</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Penyiar</translation>
    </message>
</context>
<context>
    <name>DiscardsDialog</name>
    <message>
        <source>Discarded</source>
        <translation>Dibuang</translation>
    </message>
    <message>
        <source>Discarded cases and recordings, newest first. Restoring brings the case (or the recording) and its audio back from the trash folder.</source>
        <translation>Aduan dan rekaman yang dibuang, terbaru di atas. Memulihkan mengembalikan aduan (atau rekaman) beserta audionya dari folder sampah.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kapan</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Pulihkan</translation>
    </message>
    <message>
        <source>Bring the selected case or recording back, with its audio</source>
        <translation>Kembalikan aduan atau rekaman yang dipilih, beserta audionya</translation>
    </message>
    <message>
        <source>The list of discards cannot be read: %s</source>
        <translation>Daftar buangan tidak bisa dibaca: %s</translation>
    </message>
    <message>
        <source>Case: %s</source>
        <translation>Aduan: %s</translation>
    </message>
    <message>
        <source>Recording: %s</source>
        <translation>Rekaman: %s</translation>
    </message>
    <message>
        <source>Nothing has been discarded.</source>
        <translation>Tidak ada yang dibuang.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Memulihkan…</translation>
    </message>
    <message>
        <source>Restored: %s</source>
        <translation>Dipulihkan: %s</translation>
    </message>
    <message>
        <source>Not restored: %s</source>
        <translation>Tidak dipulihkan: %s</translation>
    </message>
</context>
<context>
    <name>DemoInput</name>
    <message>
        <source>Demo: sample call</source>
        <translation>Demo: contoh panggilan</translation>
    </message>
</context>
<context>
    <name>CallSuggestions</name>
    <message>
        <source>No suggestion yet.</source>
        <translation>Belum ada saran.</translation>
    </message>
</context>
<context>
    <name>CallTranscripts</name>
    <message>
        <source>Live transcript running.</source>
        <translation>Transkrip langsung berjalan.</translation>
    </message>
    <message>
        <source>No transcript: the speech model failed to load (%s).</source>
        <translation>Tanpa transkrip: model suara gagal dimuat (%s).</translation>
    </message>
    <message>
        <source>Speech model still loading: the transcript follows after the call.</source>
        <translation>Model suara masih dimuat: transkrip dibuat setelah panggilan.</translation>
    </message>
    <message>
        <source>The transcript follows after the call.</source>
        <translation>Transkrip dibuat setelah panggilan.</translation>
    </message>
    <message>
        <source>Transcribing the call…</source>
        <translation>Mentranskrip panggilan…</translation>
    </message>
    <message numerus="yes">
        <source>Transcript complete (%n segment(s)).</source>
        <translation>
            <numerusform>Transkrip selesai (%n segmen).</numerusform>
        </translation>
    </message>
    <message>
        <source>Transcript failed: %s</source>
        <translation>Transkrip gagal: %s</translation>
    </message>
</context>
<context>
    <name>DeskDrafts</name>
    <message>
        <source>Its recording is attached: %s</source>
        <translation>Rekamannya terlampir: %s</translation>
    </message>
    <message>
        <source>The autosaved form could not be restored: %s</source>
        <translation>Formulir simpanan otomatis tidak bisa dipulihkan: %s</translation>
    </message>
    <message>
        <source>Unsaved form restored (autosaved %s).</source>
        <translation>Formulir yang belum disimpan dipulihkan (disimpan otomatis %s).</translation>
    </message>
</context>
<context>
    <name>RecordingControls</name>
    <message>
        <source>Audio input not available: %s Choose another input in Settings (Ctrl+,).</source>
        <translation>Input audio tidak tersedia: %s Pilih input lain di Pengaturan (Ctrl+,).</translation>
    </message>
    <message>
        <source>Input: %s</source>
        <translation>Input: %s</translation>
    </message>
    <message>
        <source>Input: none</source>
        <translation>Input: tidak ada</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Mendengarkan</translation>
    </message>
    <message>
        <source>No audio input open: the call cannot be recorded.</source>
        <translation>Tidak ada input audio terbuka: panggilan tidak bisa direkam.</translation>
    </message>
    <message>
        <source>No audio input: check Settings → Audio input.</source>
        <translation>Tidak ada input audio: periksa Pengaturan → Input audio.</translation>
    </message>
    <message>
        <source>Pre-roll: %d s</source>
        <translation>Pre-roll: %d dtk</translation>
    </message>
    <message>
        <source>Record (F9)</source>
        <translation>Rekam (F9)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Memulai…</translation>
    </message>
    <message>
        <source>Stop (F9)</source>
        <translation>Berhenti (F9)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Menghentikan…</translation>
    </message>
    <message>
        <source>● Recording</source>
        <translation>● Merekam</translation>
    </message>
</context>
</TS>
