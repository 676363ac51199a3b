<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>SmsDesk</name>
    <message>
        <location filename="../../radio_desk/gui/sms/__init__.py" line="57"/>
        <source>&amp;Incoming SMS</source>
        <translation>&amp;SMS masuk</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/__init__.py" line="68"/>
        <source>Incoming SMS (%1)</source>
        <translation>SMS masuk (%1)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/__init__.py" line="68"/>
        <source>Incoming SMS</source>
        <translation>SMS masuk</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/__init__.py" line="107"/>
        <source>SMS: no Gammu SMSD inbox folder set (Settings → SMS).</source>
        <translation>SMS: folder inbox Gammu SMSD belum diatur (Pengaturan → SMS).</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/__init__.py" line="109"/>
        <source>Reading the Gammu SMSD inbox %1.</source>
        <translation>Membaca inbox Gammu SMSD %1.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/__init__.py" line="111"/>
        <source>Replies (ticket number, follow-up) go to %1.</source>
        <translation>Balasan (nomor tiket, tindak lanjut) ditulis ke %1.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/__init__.py" line="115"/>
        <source>Replies are off.</source>
        <translation>Balasan mati.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../radio_desk/gui/sms/__init__.py" line="123"/>
        <source>%n new SMS in the list.</source>
        <translation>
            <numerusform>%n SMS baru di daftar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../radio_desk/gui/sms/__init__.py" line="131"/>
        <source>%n SMS reply(ies) handed to the SMSD.</source>
        <translation>
            <numerusform>%n balasan SMS diserahkan ke SMSD.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/__init__.py" line="141"/>
        <source>The form is editing a saved case: save it or press New form first.</source>
        <translation>Formulir sedang menyunting kasus tersimpan: simpan dulu atau tekan Formulir baru.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/__init__.py" line="147"/>
        <source>New case from the SMS of %1 (%2)</source>
        <translation>Kasus baru dari SMS %1 (%2)</translation>
    </message>
</context>
<context>
    <name>SmsModel</name>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="59"/>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="59"/>
        <source>Sender</source>
        <translation>Pengirim</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="59"/>
        <source>Message</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="59"/>
        <source>Suggestion</source>
        <translation>Saran</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="60"/>
        <source>Reported before</source>
        <translation>Pernah lapor</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="89"/>
        <source>triage…</source>
        <translation>triase…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../radio_desk/gui/sms/panel.py" line="104"/>
        <source> (%n part(s))</source>
        <translation>
            <numerusform> (%n bagian)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../radio_desk/gui/sms/panel.py" line="105"/>
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n kali</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="105"/>
        <source>first time</source>
        <translation>pertama kali</translation>
    </message>
</context>
<context>
    <name>SmsPanel</name>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="155"/>
        <source>Open in the form (Enter)</source>
        <translation>Buka di formulir (Enter)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="160"/>
        <source>Reason to discard (e.g. advertisement, wrong number)</source>
        <translation>Alasan dibuang (mis. iklan, salah sambung)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="162"/>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="165"/>
        <source>SMSD settings…</source>
        <translation>Pengaturan SMSD…</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="177"/>
        <source>Discard with a reason:</source>
        <translation>Buang dengan alasan:</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="190"/>
        <source>SMS: no Gammu SMSD inbox folder set (Settings → SMS).</source>
        <translation>SMS: folder inbox Gammu SMSD belum diatur (Pengaturan → SMS).</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="221"/>
        <source>The oldest %1 of %2 waiting messages are shown.</source>
        <translation>Ditampilkan %1 pesan tertua dari %2 yang menunggu.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="236"/>
        <source>Database error: %s</source>
        <translation>Kesalahan basis data: %s</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="250"/>
        <source>Type why this SMS is discarded first.</source>
        <translation>Tulis dulu alasan SMS ini dibuang.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/panel.py" line="258"/>
        <source>SMS from %1 discarded: %2</source>
        <translation>SMS dari %1 dibuang: %2</translation>
    </message>
</context>
<context>
    <name>SmsSettingsDialog</name>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="38"/>
        <source>SMS (Gammu SMSD)</source>
        <translation>SMS (Gammu SMSD)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="41"/>
        <source>Reply to the sender: the ticket number, later the follow-up</source>
        <translation>Balas pengirim: nomor tiket, lalu tindak lanjutnya</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="49"/>
        <source>Fields a reply may contain: %1. The reporter&apos;s name, place, notes and the summary are never sent.</source>
        <translation>Isian yang boleh ada di balasan: %1. Nama pelapor, tempat, catatan dan ringkasan tidak pernah dikirim.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="60"/>
        <source>Inbox folder (InboxPath)</source>
        <translation>Folder inbox (InboxPath)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="61"/>
        <source>Outbox folder (OutboxPath)</source>
        <translation>Folder outbox (OutboxPath)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="63"/>
        <source>When the case is saved</source>
        <translation>Saat laporan disimpan</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="64"/>
        <source>When the OPD closes it</source>
        <translation>Saat OPD menutupnya</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="82"/>
        <source>empty: not used</source>
        <translation>kosong: tidak dipakai</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="83"/>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="98"/>
        <source>Gammu SMSD folder</source>
        <translation>Folder Gammu SMSD</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="120"/>
        <source>Replies need the SMSD&apos;s outbox folder.</source>
        <translation>Balasan memerlukan folder outbox SMSD.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="134"/>
        <source>SMS at the studio</source>
        <translation>SMS di studio</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="137"/>
        <source>SMS (Gammu SMSD)…</source>
        <translation>SMS (Gammu SMSD)…</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="142"/>
        <source>not set</source>
        <translation>belum diatur</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="144"/>
        <source>replies on</source>
        <translation>balasan hidup</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="146"/>
        <source>replies off</source>
        <translation>balasan mati</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/sms/settings_box.py" line="149"/>
        <source>Inbox: %1; %2</source>
        <translation>Inbox: %1; %2</translation>
    </message>
</context>
</TS>
