<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="83"/>
        <source>All stations</source>
        <translation>Semua stasiun</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="86"/>
        <source>Internal (with confidential cases)</source>
        <translation>Internal (memuat aduan rahasia)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="87"/>
        <source>Public (without confidential cases)</source>
        <translation>Publik (tanpa aduan rahasia)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="95"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="104"/>
        <source>Choose the period and press Generate to see the report here.</source>
        <translation>Pilih periode lalu tekan Buat untuk melihat laporannya di sini.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="142"/>
        <source>The end of the period is before its start.</source>
        <translation>Akhir periode lebih awal dari awalnya.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="155"/>
        <source>The end of the period (%1) is in the future: choose today at the latest.</source>
        <translation>Akhir periode (%1) masih di masa depan: pilih paling lambat hari ini.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="168"/>
        <source>Generating the report…</source>
        <translation>Laporan sedang dibuat…</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="180"/>
        <source>%1 complaints, %2 pages. Save the PDF or export the same cases as CSV.</source>
        <translation>%1 aduan, %2 halaman. Simpan PDF-nya atau ekspor aduan yang sama sebagai CSV.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="187"/>
        <source>of %1</source>
        <translation>dari %1</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="196"/>
        <source>The report could not be made</source>
        <translation>Laporan tidak bisa dibuat</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="240"/>
        <source>The page could not be shown</source>
        <translation>Halaman tidak bisa ditampilkan</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="255"/>
        <source>The PDF could not be saved to %1: %2</source>
        <translation>PDF tidak bisa disimpan ke %1: %2</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="261"/>
        <source>Saved to %1.</source>
        <translation>Disimpan ke %1.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="278"/>
        <source>Exporting CSV…</source>
        <translation>CSV sedang diekspor…</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="284"/>
        <source>%1 complaints exported to %2.</source>
        <translation>%1 aduan diekspor ke %2.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="289"/>
        <source>The CSV could not be written</source>
        <translation>CSV tidak bisa ditulis</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="298"/>
        <source>Save report</source>
        <translation>Simpan laporan</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="298"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="305"/>
        <source>Export CSV</source>
        <translation>Ekspor CSV</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="305"/>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/report_dialog.py" line="315"/>
        <source>The options changed: press Generate to make the report again.</source>
        <translation>Pilihan berubah: tekan Buat untuk membuat laporan lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="14"/>
        <source>Weekly review report</source>
        <translation>Laporan mingguan rapat review</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="24"/>
        <source>&amp;From</source>
        <translation>&amp;Dari</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="37"/>
        <location filename="../../ui/report_dialog.ui" line="57"/>
        <source>dd/MM/yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="44"/>
        <source>&amp;To</source>
        <translation>&amp;Sampai</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="68"/>
        <source>&amp;Station</source>
        <translation>S&amp;tasiun</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="81"/>
        <source>&amp;Edition</source>
        <translation>&amp;Edisi</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="98"/>
        <source>&amp;Generate</source>
        <translation>&amp;Buat</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="108"/>
        <source>Save &amp;PDF…</source>
        <translation>Simpan &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="115"/>
        <source>Export &amp;CSV…</source>
        <translation>Ekspor &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="157"/>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="160"/>
        <source>Previous page</source>
        <translation>Halaman sebelumnya</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="167"/>
        <source>Page</source>
        <translation>Halaman</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="184"/>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.ui" line="187"/>
        <source>Next page</source>
        <translation>Halaman berikutnya</translation>
    </message>
</context>
</TS>
