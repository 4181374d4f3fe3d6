"""Award texts as officers write them (from the law, the provincial vendor's lookup list and
public lists; no real person), each with the award, level and kind the catalogue must read,
or None when the text is no award of the Law.

Level column: the level the text gives ("Tỉnh"), the award's only level, "?" when the text
names none and the award has several (the reader asks the level column or the decision
number, else reports `ambiguous-level`), "2" when it names two (`ambiguous-level`, never a
guess) and "!" when it names one the award cannot have (`impossible-level`).
"""

from __future__ import annotations

import pytest

from thidua_cli.catalogue import AwardMatch, Catalogue

CN, TT, HGD = "Cá nhân", "Tập thể", "Hộ gia đình"
NN, CP, BO, TINH, CS = "Nhà nước", "Chính phủ", "Bộ", "Tỉnh", "Cơ sở"
BK, GK, KNC, CTD = "Bằng khen", "Giấy khen", "Kỷ niệm chương", "Cờ thi đua"
CSTD = "Chiến sĩ thi đua bộ, ban, ngành, tỉnh"
ANY = None  # the award goes to more than one kind: the section or kind column says which

# (text, award or None, level, kind)
TEXTS: list[tuple[str, str | None, str, str | None]] = [
    # --- Danh hiệu thi đua ---------------------------------------------------------------
    ("Lao động tiên tiến", "Lao động tiên tiến", CS, CN),
    ("LĐTT", "Lao động tiên tiến", CS, CN),
    ("lao động tiên tiến", "Lao động tiên tiến", CS, CN),
    ("Lao dong tien tien", "Lao động tiên tiến", CS, CN),
    ("LĐTT năm 2023", "Lao động tiên tiến", CS, CN),
    ("Lao động tiên tiến năm học 2023-2024", "Lao động tiên tiến", CS, CN),
    ("Lao động tiên tiến năm học 2022 - 2023", "Lao động tiên tiến", CS, CN),
    ("Danh hiệu Lao động tiên tiến", "Lao động tiên tiến", CS, CN),
    ('Danh hiệu "Lao động tiên tiến" năm 2018', "Lao động tiên tiến", CS, CN),
    ("Đạt danh hiệu LĐTT", "Lao động tiên tiến", CS, CN),
    ("Lao động tiên tiến (LĐTT)", "Lao động tiên tiến", CS, CN),
    ("LĐ tiên tiến", "Lao động tiên tiến", CS, CN),
    ("Chiến sĩ tiên tiến", "Chiến sĩ tiên tiến", CS, CN),
    ("CSTT", "Chiến sĩ tiên tiến", CS, CN),
    ("Chiến sỹ tiên tiến năm 2021", "Chiến sĩ tiên tiến", CS, CN),
    ("Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở", CS, CN),
    ("CSTĐCS", "Chiến sĩ thi đua cơ sở", CS, CN),
    ("CSTĐ cơ sở", "Chiến sĩ thi đua cơ sở", CS, CN),
    ("Chiến sỹ thi đua cấp cơ sở", "Chiến sĩ thi đua cơ sở", CS, CN),
    ("Chiến sĩ thi đua cơ sở năm học 2023-2024", "Chiến sĩ thi đua cơ sở", CS, CN),
    ("CSTĐCS năm 2022", "Chiến sĩ thi đua cơ sở", CS, CN),
    ("Danh hiệu Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở", CS, CN),
    ("Chien si thi dua co so", "Chiến sĩ thi đua cơ sở", CS, CN),
    ("CSTĐ cấp tỉnh", CSTD, TINH, CN),
    ("CSTĐ tỉnh", CSTD, TINH, CN),
    ("Chiến sĩ thi đua cấp tỉnh", CSTD, TINH, CN),
    ("Chiến sĩ thi đua tỉnh năm 2021", CSTD, TINH, CN),
    ("CSTĐ tỉnh giai đoạn 2019-2021", CSTD, TINH, CN),
    ("Chiến sĩ thi đua cấp tỉnh (2019-2021)", CSTD, TINH, CN),
    ("CSTĐ cấp bộ", CSTD, BO, CN),
    ("Chiến sĩ thi đua cấp bộ", CSTD, BO, CN),
    ("Chiến sĩ thi đua cấp ngành", CSTD, BO, CN),
    ("Chiến sĩ thi đua toàn quân", CSTD, BO, CN),
    ("CSTĐ toàn quân", CSTD, BO, CN),
    ("Chiến sĩ thi đua bộ, ban, ngành, tỉnh", CSTD, "?", CN),
    ("CSTĐ bộ, ngành, tỉnh", CSTD, "?", CN),
    ("Chiến sĩ thi đua cấp bộ, ngành, tỉnh, đoàn thể trung ương", CSTD, "?", CN),
    ("CSTĐ cấp bộ, tỉnh", CSTD, "2", CN),
    ("Chiến sĩ thi đua của Chủ tịch UBND tỉnh", CSTD, TINH, CN),
    ("Chiến sĩ thi đua của Bộ trưởng Bộ Công an", CSTD, BO, CN),
    ("Chiến sĩ thi đua của UBND thành phố Hà Nội", CSTD, TINH, CN),
    ("Chiến sĩ thi đua toàn quốc", "Chiến sĩ thi đua toàn quốc", CP, CN),
    ("CSTĐTQ", "Chiến sĩ thi đua toàn quốc", CP, CN),
    ("CSTĐ toàn quốc", "Chiến sĩ thi đua toàn quốc", CP, CN),
    ("Chiến sỹ thi đua toàn quốc năm 2020", "Chiến sĩ thi đua toàn quốc", CP, CN),
    ("Tập thể lao động tiên tiến", "Tập thể lao động tiên tiến", CS, TT),
    ("TTLĐTT", "Tập thể lao động tiên tiến", CS, TT),
    ("Tập thể LĐTT", "Tập thể lao động tiên tiến", CS, TT),
    ("Tập thể lao động tiên tiến năm học 2023-2024", "Tập thể lao động tiên tiến", CS, TT),
    ("Đơn vị tiên tiến", "Đơn vị tiên tiến", CS, TT),
    ("ĐVTT", "Đơn vị tiên tiến", CS, TT),
    ("Tập thể lao động xuất sắc", "Tập thể lao động xuất sắc", "?", TT),
    ("TTLĐXS", "Tập thể lao động xuất sắc", "?", TT),
    ("Tập thể lao động xuất sắc của UBND tỉnh", "Tập thể lao động xuất sắc", TINH, TT),
    ("TTLĐXS cấp tỉnh", "Tập thể lao động xuất sắc", TINH, TT),
    ("Tập thể lao động xuất sắc cấp bộ", "Tập thể lao động xuất sắc", BO, TT),
    ("Tập thể LĐXS năm 2019 của Bộ trưởng Bộ Tài chính", "Tập thể lao động xuất sắc", BO, TT),
    ("Đơn vị quyết thắng", "Đơn vị quyết thắng", "?", TT),
    ("ĐVQT", "Đơn vị quyết thắng", "?", TT),
    ("Đơn vị quyết thắng của Bộ Quốc phòng", "Đơn vị quyết thắng", BO, TT),
    ("Cờ thi đua của Chính phủ", CTD, CP, TT),
    ("Cờ thi đua Chính phủ", CTD, CP, TT),
    ("Cờ thi đua của Thủ tướng Chính phủ", CTD, CP, TT),
    ("Cờ thi đua của UBND tỉnh", CTD, TINH, TT),
    ("Cờ TĐ của Chính phủ", CTD, CP, TT),  # "TĐ" for "thi đua", as in CSTĐ
    ("Cờ TĐCP", CTD, CP, TT),
    ("Cờ TĐ UBND tỉnh", CTD, TINH, TT),
    ("Cờ thi đua xuất sắc dẫn đầu phong trào thi đua của UBND tỉnh", CTD, TINH, TT),
    ("Cờ thi đua cấp tỉnh", CTD, TINH, TT),
    ("Cờ thi đua của Bộ trưởng Bộ LĐ-TBXH", CTD, BO, TT),
    ("Cờ thi đua của Bộ Giáo dục và Đào tạo", CTD, BO, TT),
    ("Cờ thi đua của UBND thành phố Hồ Chí Minh", CTD, TINH, TT),
    ("Cờ thi đua của Tổng Liên đoàn Lao động Việt Nam", CTD, BO, TT),
    ("Cờ thi đua cấp Bộ, ngành, tỉnh", CTD, "2", TT),
    ("Cờ thi đua cấp Bộ, ngành, tỉnh, đoàn thể TW", CTD, "2", TT),
    ("Cờ thi đua cấp bộ, ngành, đoàn thể trung ương, tỉnh", CTD, "2", TT),
    ("Cờ thi đua", CTD, "?", TT),
    ("Cờ thi đua của Chủ tịch UBND huyện", CTD, "!", TT),
    ("Xã, phường, thị trấn tiêu biểu", "Xã, phường, thị trấn tiêu biểu", TINH, TT),
    ("Xã tiêu biểu", "Xã, phường, thị trấn tiêu biểu", TINH, TT),
    ("Phường tiêu biểu", "Xã, phường, thị trấn tiêu biểu", TINH, TT),
    ("Thị trấn tiêu biểu năm 2024", "Xã, phường, thị trấn tiêu biểu", TINH, TT),
    ("Thôn văn hóa", "Thôn, tổ dân phố văn hóa", CS, TT),
    ("Thôn văn hoá", "Thôn, tổ dân phố văn hóa", CS, TT),
    ("Tổ dân phố văn hóa", "Thôn, tổ dân phố văn hóa", CS, TT),
    ("Bản văn hóa", "Thôn, tổ dân phố văn hóa", CS, TT),
    ("Ấp văn hóa", "Thôn, tổ dân phố văn hóa", CS, TT),
    ("Khu dân cư văn hóa", "Thôn, tổ dân phố văn hóa", CS, TT),
    ("Làng văn hóa", "Thôn, tổ dân phố văn hóa", CS, TT),
    ("Khu phố văn hóa", "Thôn, tổ dân phố văn hóa", CS, TT),
    ("Thôn, tổ dân phố văn hóa", "Thôn, tổ dân phố văn hóa", CS, TT),
    ("Gia đình văn hóa", "Gia đình văn hóa", CS, HGD),
    ("GĐVH", "Gia đình văn hóa", CS, HGD),
    ("Gia đình văn hoá năm 2022", "Gia đình văn hóa", CS, HGD),
    # --- Bằng khen, Giấy khen: the issuer gives the level (L2022 Đ.78–80) ------------------
    ("Bằng khen của Thủ tướng Chính phủ", BK, CP, ANY),
    ("Bằng khen Thủ tướng Chính phủ", BK, CP, ANY),
    ("BK TTg", BK, CP, ANY),
    ("BKTTg", BK, CP, ANY),
    ("BK TTCP", BK, CP, ANY),
    ("Bằng khen TTg", BK, CP, ANY),
    ("Bằng khen của Thủ tướng", BK, CP, ANY),
    ("Bằng khen của Thủ tướng Chính phủ giai đoạn 2016-2020", BK, CP, ANY),
    ("Bằng khen của Hội đồng Bộ trưởng", BK, CP, ANY),
    ("Bằng khen của Chủ tịch UBND tỉnh", BK, TINH, ANY),
    ("Bằng khen của Chủ tịch UBND tỉnh Thanh Hóa", BK, TINH, ANY),
    ("Bằng khen UBND tỉnh", BK, TINH, ANY),
    ("Bằng khen của UBND tỉnh năm 2022", BK, TINH, ANY),
    ("Bằng khen UBND tỉnh (2019-2021)", BK, TINH, ANY),
    ("Bằng khen (của Chủ tịch UBND tỉnh)", BK, TINH, ANY),
    ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Nghệ An", BK, TINH, ANY),
    ("Bằng khen cấp tỉnh", BK, TINH, ANY),
    ("Bằng khen của Ban Thường vụ Tỉnh ủy", BK, TINH, ANY),
    ("Bằng khen UBND thành phố Hà Nội", BK, TINH, ANY),
    ("Bằng khen UBND TP Hà Nội", BK, TINH, ANY),
    ("Bằng khen của UBND TP. Hồ Chí Minh", BK, TINH, ANY),
    ("Bằng khen UBND Thành phố Hồ Chí Minh", BK, TINH, ANY),
    ("Bằng khen TP. Hồ Chí Minh", BK, TINH, ANY),
    ("Bằng khen của Chủ tịch UBND TP.HCM", BK, TINH, ANY),
    ("Bằng khen UBND thành phố Hải Phòng", BK, TINH, ANY),
    ("Bằng khen UBND TP Cần Thơ", BK, TINH, ANY),
    ("Bằng khen của Ủy ban nhân dân thành phố Hà Nội", BK, TINH, ANY),
    ("Bằng khen của Bộ trưởng Bộ LĐ-TBXH", BK, BO, ANY),
    ("Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo", BK, BO, ANY),
    ("Bằng khen Bộ GD&ĐT", BK, BO, ANY),
    ("Bằng khen của Bộ Công an", BK, BO, ANY),
    ("Bằng khen Bộ Y tế năm 2020", BK, BO, ANY),
    ("Bằng khen cấp bộ", BK, BO, ANY),
    ("Bằng khen của Thống đốc Ngân hàng Nhà nước Việt Nam", BK, BO, ANY),
    ("Bằng khen của Tổng Giám đốc BHXH Việt Nam", BK, BO, ANY),
    ("Bằng khen của Tổng Giám đốc Bảo hiểm xã hội Việt Nam", BK, BO, ANY),
    ("Bằng khen của Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc", BK, BO, ANY),
    ("Bằng khen Ủy ban Dân tộc", BK, BO, ANY),
    ("Bằng khen của Tổng Thanh tra Chính phủ", BK, BO, ANY),
    ("Bằng khen của Chánh án Tòa án nhân dân tối cao", BK, BO, ANY),
    ("Bằng khen TANDTC", BK, BO, ANY),
    ("Bằng khen của Viện trưởng Viện kiểm sát nhân dân tối cao", BK, BO, ANY),
    ("Bằng khen VKSNDTC", BK, BO, ANY),
    ("Bằng khen của Tổng Kiểm toán nhà nước", BK, BO, ANY),
    ("Bằng khen Kiểm toán nhà nước", BK, BO, ANY),
    ("Bằng khen của Giám đốc Đại học Quốc gia Hà Nội", BK, BO, ANY),
    ("Bằng khen Đại học Quốc gia TP. Hồ Chí Minh", BK, BO, ANY),
    ("Bằng khen của Ban Tổ chức Trung ương", BK, BO, ANY),
    ("Bằng khen Ban Tuyên giáo Trung ương", BK, BO, ANY),
    ("Bằng khen của Ủy ban Kiểm tra Trung ương", BK, BO, ANY),
    ("Bằng khen của Ủy ban Thường vụ Quốc hội", BK, BO, ANY),
    ("Bằng khen của Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam", BK, BO, ANY),
    ("Bằng khen UBTW MTTQ Việt Nam", BK, BO, ANY),
    ("Bằng khen UBTW Mặt trận Tổ quốc Việt Nam", BK, BO, ANY),  # an abbreviation beside the full name
    ("Bằng khen của Tổng Liên đoàn Lao động Việt Nam", BK, BO, ANY),
    ("Bằng khen Tổng LĐLĐ Việt Nam", BK, BO, ANY),
    ("Bằng khen của Trung ương Đoàn TNCS Hồ Chí Minh", BK, BO, ANY),
    ("Bằng khen TW Đoàn", BK, BO, ANY),
    ("Bằng khen của Trung ương Hội Liên hiệp Phụ nữ Việt Nam", BK, BO, ANY),
    ("Bằng khen Trung ương Hội Nông dân Việt Nam", BK, BO, ANY),
    ("Bằng khen Trung ương Hội Cựu chiến binh Việt Nam", BK, BO, ANY),
    ("BKBQP", BK, BO, ANY),
    ("Bằng khen BQP", BK, BO, ANY),
    ("Bằng khen của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam", BK, BO, ANY),
    ("Bằng khen của Liên đoàn Lao động tỉnh", BK, TINH, ANY),
    ("Bằng khen của Ban Thường vụ Tỉnh đoàn", BK, TINH, ANY),
    ("Bằng khen UBND TPHCM", BK, TINH, ANY),
    ("Bằng khen của Chủ tịch Hội đồng thành viên Tập đoàn", BK, "!", ANY),
    ("Giấy khen Liên đoàn Lao động huyện", GK, CS, ANY),
    ("Giấy khen Ban Chấp hành Công đoàn cơ sở", GK, CS, ANY),
    ("Giấy khen của Đảng ủy xã", GK, CS, ANY),
    ("Giấy khen Ban Chấp hành Đoàn trường", GK, CS, ANY),
    ("Chiến sĩ thi đua toàn lực lượng CAND", CSTD, BO, CN),
    ("Được Chủ tịch nước tặng thưởng Huân chương Lao động hạng Ba", "Huân chương Lao động hạng Ba", NN, ANY),
    ("Được Thủ tướng Chính phủ tặng Bằng khen", BK, CP, ANY),
    ("UBND tỉnh tặng Bằng khen", BK, TINH, ANY),
    ("Được Bộ trưởng tặng Kỷ niệm chương Vì sự nghiệp giáo dục", KNC, BO, CN),
    ("Giấy khen của Công ty TNHH Minh Long", GK, CS, ANY),
    ("Giấy khen Trường THPT Lê Lợi", GK, CS, ANY),
    ("Giấy khen cấp trường", GK, CS, ANY),
    ("Bằng khen của Hội Luật gia tỉnh", BK, "?", ANY),  # issuer unknown: the level is not guessed
    ("HCLĐ-III", "Huân chương Lao động hạng Ba", NN, ANY),
    ("Chiến sĩ thi đua của Giám đốc Sở", "Chiến sĩ thi đua cơ sở", CS, CN),
    ("Bằng khen của Giám đốc Sở", BK, "!", ANY),
    ("Bằng khen của Chủ tịch UBND huyện", BK, "!", ANY),
    ("Bằng khen cấp cơ sở", BK, "!", ANY),
    ("Bằng khen của Hiệu trưởng", BK, "!", ANY),
    ("Bằng khen", BK, "?", ANY),
    ("BK", BK, "?", ANY),
    ("Bằng khen cấp bộ, tỉnh", BK, "2", ANY),
    ("Bằng khen cấp bộ, ngành, tỉnh", BK, "2", ANY),
    ("Giấy khen", GK, CS, ANY),
    ("GK", GK, CS, ANY),
    ("Giấy khen của Giám đốc Sở", GK, CS, ANY),
    ("Giấy khen Giám đốc Sở LĐ-TBXH", GK, CS, ANY),
    ("Giấy khen\ncủa Giám đốc\xa0Sở", GK, CS, ANY),
    ("Giấy khen của Chủ tịch UBND huyện", GK, CS, ANY),
    ("Giấy khen của Chủ tịch UBND cấp huyện", GK, CS, ANY),
    ("Giấy khen UBND huyện Đông Anh", GK, CS, ANY),
    ("Giấy khen của UBND quận Ba Đình", GK, CS, ANY),
    ("Giấy khen của UBND thị xã", GK, CS, ANY),
    ("Giấy khen UBND thành phố Thanh Hóa", GK, CS, ANY),
    ("Giấy khen của Chủ tịch UBND xã", GK, CS, ANY),
    ("Giấy khen của Chủ tịch UBND cấp xã", GK, CS, ANY),
    ("Giấy khen UBND phường", GK, CS, ANY),
    ("Giấy khen UBND thị trấn", GK, CS, ANY),
    ("Giấy khen của Chủ tịch UBND đặc khu", GK, CS, ANY),
    ("Giấy khen của Chủ tịch Hội đồng quản trị", GK, CS, ANY),
    ("Giấy khen của Chủ tịch HĐQT", GK, CS, ANY),
    ("Giấy khen của Chủ tịch Hội đồng thành viên", GK, CS, ANY),
    ("Giấy khen Chủ tịch HĐTV", GK, CS, ANY),
    ("Giấy khen của Tổng giám đốc công ty", GK, CS, ANY),
    ("Giấy khen của Giám đốc công ty", GK, CS, ANY),
    ("Giấy khen của Hiệu trưởng", GK, CS, ANY),
    ("Giấy khen của Cục trưởng Cục Thuế", GK, CS, ANY),
    ("Giấy khen của Thủ trưởng cơ quan chuyên môn thuộc UBND tỉnh", GK, CS, ANY),
    ("Giấy khen của Thủ trưởng đơn vị", GK, CS, ANY),
    ("Giấy khen của Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", GK, CS, ANY),
    ("Giấy khen Bộ CHQS tỉnh", GK, CS, ANY),
    ("Giấy khen của Bộ Tư lệnh Quân khu 7", GK, CS, ANY),
    ("Bằng khen Bộ Tư lệnh Quân khu 7", BK, "!", ANY),  # only the Minister of Defence gives a Bằng khen
    ("Bằng khen của Bộ Chỉ huy Bộ đội Biên phòng tỉnh", BK, "!", ANY),
    ("Giấy khen Giám đốc Công an tỉnh", GK, CS, ANY),
    ("Giấy khen năm 2022", GK, CS, ANY),
    ("Giấy khen của Chủ tịch UBND tỉnh", GK, "!", ANY),
    ("Giấy khen của Bộ trưởng", GK, "!", ANY),
    # --- Huân chương (all conferred by the President: Nhà nước) ---------------------------
    ("Huân chương Sao vàng", "Huân chương Sao vàng", NN, ANY),
    ("Huân chương Hồ Chí Minh", "Huân chương Hồ Chí Minh", NN, ANY),
    ("Huân chương Độc lập hạng Nhất", "Huân chương Độc lập hạng Nhất", NN, ANY),
    ("Huân chương Độc lập hạng Nhì", "Huân chương Độc lập hạng Nhì", NN, ANY),
    ("Huân chương Độc lập hạng Ba", "Huân chương Độc lập hạng Ba", NN, ANY),
    ("HCĐL hạng Nhì", "Huân chương Độc lập hạng Nhì", NN, ANY),
    ("Huân chương Độc lập hạng III", "Huân chương Độc lập hạng Ba", NN, ANY),
    ("Huân chương Quân công hạng Nhất", "Huân chương Quân công hạng Nhất", NN, ANY),
    ("Huân chương Quân công hạng Nhì", "Huân chương Quân công hạng Nhì", NN, ANY),
    ("Huân chương Quân công hạng Ba", "Huân chương Quân công hạng Ba", NN, ANY),
    ("HCQC hạng Ba", "Huân chương Quân công hạng Ba", NN, ANY),
    ("Huân chương Lao động hạng Nhất", "Huân chương Lao động hạng Nhất", NN, ANY),
    ("Huân chương Lao động hạng Nhì", "Huân chương Lao động hạng Nhì", NN, ANY),
    ("Huân chương Lao động hạng Ba", "Huân chương Lao động hạng Ba", NN, ANY),
    ("HCLĐ hạng Ba", "Huân chương Lao động hạng Ba", NN, ANY),
    ("HCLĐ III", "Huân chương Lao động hạng Ba", NN, ANY),
    ("HC LĐ III", "Huân chương Lao động hạng Ba", NN, ANY),
    ("HCLĐ hạng 3", "Huân chương Lao động hạng Ba", NN, ANY),
    ("HCLĐ H3", "Huân chương Lao động hạng Ba", NN, ANY),
    ("Huân chương LĐ hạng Ba", "Huân chương Lao động hạng Ba", NN, ANY),
    ("Huân chương Lao động hạng III", "Huân chương Lao động hạng Ba", NN, ANY),
    ("Huân chương lao động hạng ba", "Huân chương Lao động hạng Ba", NN, ANY),
    ("Huân chương Lao động hạng Ba năm 2015", "Huân chương Lao động hạng Ba", NN, ANY),
    ("Huân chương Lao động hạng Ba (truy tặng)", "Huân chương Lao động hạng Ba", NN, ANY),
    ("Truy tặng Huân chương Lao động hạng Ba", "Huân chương Lao động hạng Ba", NN, ANY),
    ("Tặng thưởng Huân chương Lao động hạng Nhì", "Huân chương Lao động hạng Nhì", NN, ANY),
    ("Được tặng thưởng Huân chương Lao động hạng Nhất", "Huân chương Lao động hạng Nhất", NN, ANY),
    ("HCLĐ II", "Huân chương Lao động hạng Nhì", NN, ANY),
    ("HCLĐ I", "Huân chương Lao động hạng Nhất", NN, ANY),
    ("Huân chương Lao động hạng Ba của Chủ tịch nước", "Huân chương Lao động hạng Ba", NN, ANY),
    ("Huân chương Bảo vệ Tổ quốc hạng Nhất", "Huân chương Bảo vệ Tổ quốc hạng Nhất", NN, ANY),
    ("Huân chương Bảo vệ Tổ quốc hạng Nhì", "Huân chương Bảo vệ Tổ quốc hạng Nhì", NN, ANY),
    ("Huân chương Bảo vệ Tổ quốc hạng Ba", "Huân chương Bảo vệ Tổ quốc hạng Ba", NN, ANY),
    ("HCBVTQ hạng Ba", "Huân chương Bảo vệ Tổ quốc hạng Ba", NN, ANY),
    ("HC BVTQ hạng Nhì", "Huân chương Bảo vệ Tổ quốc hạng Nhì", NN, ANY),
    ("Huân chương Chiến công hạng Nhất", "Huân chương Chiến công hạng Nhất", NN, ANY),
    ("Huân chương Chiến công hạng Nhì", "Huân chương Chiến công hạng Nhì", NN, ANY),
    ("Huân chương Chiến công hạng Ba", "Huân chương Chiến công hạng Ba", NN, ANY),
    ("HCCC hạng Ba", "Huân chương Chiến công hạng Ba", NN, ANY),
    ("Huân chương Đại đoàn kết dân tộc", "Huân chương Đại đoàn kết dân tộc", NN, CN),
    ("Huân chương Đại đoàn kết", "Huân chương Đại đoàn kết dân tộc", NN, CN),
    ("Huân chương Dũng cảm", "Huân chương Dũng cảm", NN, CN),
    ("Truy tặng Huân chương Dũng cảm", "Huân chương Dũng cảm", NN, CN),
    ("Huân chương Hữu nghị", "Huân chương Hữu nghị", NN, ANY),
    ("Huân chương Kháng chiến hạng Nhất", "Huân chương Kháng chiến hạng Nhất", NN, ANY),
    ("Huân chương Kháng chiến hạng Nhì", "Huân chương Kháng chiến hạng Nhì", NN, ANY),
    ("Huân chương Kháng chiến hạng Ba", "Huân chương Kháng chiến hạng Ba", NN, ANY),
    ("Huân chương Kháng chiến chống Pháp hạng Nhì", "Huân chương Kháng chiến chống Pháp hạng Nhì", NN, ANY),
    (
        "Huân chương Kháng chiến chống Mỹ cứu nước hạng Nhất",
        "Huân chương Kháng chiến chống Mỹ cứu nước hạng Nhất",
        NN,
        ANY,
    ),
    ("Huân chương Kháng chiến chống Mỹ hạng Ba", "Huân chương Kháng chiến chống Mỹ cứu nước hạng Ba", NN, ANY),
    (
        "Huân chương Kháng chiến chống Mỹ, cứu nước hạng Nhì",
        "Huân chương Kháng chiến chống Mỹ cứu nước hạng Nhì",
        NN,
        ANY,
    ),
    ("HCKCCM hạng Nhì", None, "", None),  # Huân chương or Huy chương? never guessed
    ("HC Kháng chiến hạng Nhì", None, "", None),
    ("Huân chương Chiến thắng hạng Ba", "Huân chương Chiến thắng hạng Ba", NN, ANY),
    ("Huân chương Chiến sĩ vẻ vang hạng Nhì", "Huân chương Chiến sĩ vẻ vang hạng Nhì", NN, CN),
    ("Huân chương Chiến sĩ giải phóng hạng Ba", "Huân chương Chiến sĩ giải phóng hạng Ba", NN, CN),
    ("Huân chương Giải phóng hạng Nhất", "Huân chương Giải phóng hạng Nhất", NN, ANY),
    # --- Huy chương (Nhà nước only) --------------------------------------------------------
    ("Huy chương Quân kỳ quyết thắng", "Huy chương Quân kỳ quyết thắng", NN, CN),
    ("Huy chương Vì an ninh Tổ quốc", "Huy chương Vì an ninh Tổ quốc", NN, CN),
    ("Huy chương Chiến sĩ vẻ vang hạng Nhất", "Huy chương Chiến sĩ vẻ vang hạng Nhất", NN, CN),
    ("Huy chương Chiến sĩ vẻ vang hạng Nhì", "Huy chương Chiến sĩ vẻ vang hạng Nhì", NN, CN),
    ("Huy chương Chiến sĩ vẻ vang hạng Ba", "Huy chương Chiến sĩ vẻ vang hạng Ba", NN, CN),
    ("HC Chiến sĩ vẻ vang hạng III", "Huy chương Chiến sĩ vẻ vang hạng Ba", NN, CN),
    ("Huy chương Hữu nghị", "Huy chương Hữu nghị", NN, CN),
    ("Huy chương Kháng chiến hạng Nhì", "Huy chương Kháng chiến hạng Nhì", NN, CN),
    ("Huy chương Kháng chiến chống Pháp hạng Nhất", "Huy chương Kháng chiến chống Pháp hạng Nhất", NN, CN),
    (
        "Huy chương Kháng chiến chống Mỹ cứu nước hạng Nhất",
        "Huy chương Kháng chiến chống Mỹ cứu nước hạng Nhất",
        NN,
        CN,
    ),
    ("Huy chương Chiến thắng hạng Nhì", "Huy chương Chiến thắng hạng Nhì", NN, CN),
    ("Huy chương Chiến sĩ giải phóng hạng Nhất", "Huy chương Chiến sĩ giải phóng hạng Nhất", NN, CN),
    ("Huy chương", "Huy chương", NN, CN),
    ("Huy chương của UBND tỉnh", "Huy chương", "!", CN),
    # --- Danh hiệu vinh dự Nhà nước ---------------------------------------------------------
    ("Tỉnh Anh hùng", "Tỉnh Anh hùng", NN, TT),
    ("Thành phố Anh hùng", "Thành phố Anh hùng", NN, TT),
    ("Bà mẹ Việt Nam anh hùng", "Bà mẹ Việt Nam anh hùng", NN, CN),
    ("Mẹ Việt Nam anh hùng", "Bà mẹ Việt Nam anh hùng", NN, CN),
    ("Truy tặng danh hiệu Bà mẹ Việt Nam anh hùng", "Bà mẹ Việt Nam anh hùng", NN, CN),
    ("Anh hùng Lực lượng vũ trang nhân dân", "Anh hùng Lực lượng vũ trang nhân dân", NN, ANY),
    ("Anh hùng LLVTND", "Anh hùng Lực lượng vũ trang nhân dân", NN, ANY),
    ("AHLLVTND", "Anh hùng Lực lượng vũ trang nhân dân", NN, ANY),
    ("Anh hùng lực lượng vũ trang", "Anh hùng Lực lượng vũ trang nhân dân", NN, ANY),
    (
        "Truy tặng danh hiệu Anh hùng Lực lượng vũ trang nhân dân",
        "Anh hùng Lực lượng vũ trang nhân dân",
        NN,
        ANY,
    ),
    ("Anh hùng Lao động", "Anh hùng Lao động", NN, ANY),
    ("AHLĐ", "Anh hùng Lao động", NN, ANY),
    ("Anh hùng Lao động thời kỳ đổi mới", "Anh hùng Lao động", NN, ANY),
    ("Nhà giáo nhân dân", "Nhà giáo nhân dân", NN, CN),
    ("NGND", "Nhà giáo nhân dân", NN, CN),
    ("Nhà giáo Nhân dân năm 2017", "Nhà giáo nhân dân", NN, CN),
    ("Nhà giáo ưu tú", "Nhà giáo ưu tú", NN, CN),
    ("NGƯT", "Nhà giáo ưu tú", NN, CN),
    ("NGUT", "Nhà giáo ưu tú", NN, CN),
    ("Nhà giáo Ưu tú", "Nhà giáo ưu tú", NN, CN),
    ("Nhà giáo ưu tú năm 2010", "Nhà giáo ưu tú", NN, CN),
    ("Danh hiệu Nhà giáo ưu tú", "Nhà giáo ưu tú", NN, CN),
    ("Phong tặng danh hiệu Nhà giáo ưu tú", "Nhà giáo ưu tú", NN, CN),
    ("Được phong tặng danh hiệu Nhà giáo ưu tú", "Nhà giáo ưu tú", NN, CN),
    ('Danh hiệu "Nhà giáo ưu tú"', "Nhà giáo ưu tú", NN, CN),
    ("Nha giao uu tu", "Nhà giáo ưu tú", NN, CN),
    ("Thầy thuốc nhân dân", "Thầy thuốc nhân dân", NN, CN),
    ("TTND", "Thầy thuốc nhân dân", NN, CN),
    ("Thầy thuốc ưu tú", "Thầy thuốc ưu tú", NN, CN),
    ("TTƯT", "Thầy thuốc ưu tú", NN, CN),
    ("Nghệ sĩ nhân dân", "Nghệ sĩ nhân dân", NN, CN),
    ("NSND", "Nghệ sĩ nhân dân", NN, CN),
    ("Nghệ sỹ nhân dân", "Nghệ sĩ nhân dân", NN, CN),
    ("Nghệ sĩ ưu tú", "Nghệ sĩ ưu tú", NN, CN),
    ("NSƯT", "Nghệ sĩ ưu tú", NN, CN),
    ("Nghệ sỹ ưu tú", "Nghệ sĩ ưu tú", NN, CN),
    ("Nghệ nhân nhân dân", "Nghệ nhân nhân dân", NN, CN),
    ("NNND", "Nghệ nhân nhân dân", NN, CN),
    ("Nghệ nhân ưu tú", "Nghệ nhân ưu tú", NN, CN),
    ("NNƯT", "Nghệ nhân ưu tú", NN, CN),
    # --- Giải thưởng, Kỷ niệm chương, Huy hiệu ---------------------------------------------
    ("Giải thưởng Hồ Chí Minh", "Giải thưởng Hồ Chí Minh", NN, ANY),
    ("Giải thưởng Hồ Chí Minh về khoa học và công nghệ", "Giải thưởng Hồ Chí Minh", NN, ANY),
    ("Giải thưởng Nhà nước", "Giải thưởng Nhà nước", NN, ANY),
    ("Giải thưởng Nhà nước về văn học, nghệ thuật", "Giải thưởng Nhà nước", NN, ANY),
    ("Kỷ niệm chương", KNC, BO, CN),
    ("KNC", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp Giáo dục", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp giáo dục", KNC, BO, CN),
    ("Kỷ niệm chương vì sự nghiệp giáo dục", KNC, BO, CN),
    ('Kỷ niệm chương "Vì sự nghiệp Giáo dục"', KNC, BO, CN),
    ("Kỷ niệm chương “Vì sự nghiệp giáo dục”", KNC, BO, CN),
    ("KNC Vì sự nghiệp giáo dục", KNC, BO, CN),
    ("KNC Vì sự nghiệp Giáo dục năm 2020", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp Giáo dục của Bộ GD&ĐT", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp Giáo dục của Bộ trưởng Bộ Giáo dục và Đào tạo", KNC, BO, CN),
    ("Tặng Kỷ niệm chương Vì sự nghiệp Giáo dục", KNC, BO, CN),
    ("Kỉ niệm chương Vì sự nghiệp giáo dục", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp Lao động - Thương binh và Xã hội", KNC, BO, CN),
    ("Kỷ niệm chương Vì sức khỏe nhân dân", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp xây dựng tổ chức Công đoàn", KNC, BO, CN),
    ("Kỷ niệm chương Bảo vệ an ninh Tổ quốc", KNC, BO, CN),
    ("Kỷ niệm chương Hoạt động Quốc hội", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp đại đoàn kết toàn dân tộc", KNC, BO, CN),
    ("Kỷ niệm chương Vì thế hệ trẻ", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp phát triển các dân tộc", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp xây dựng Quân đội nhân dân Việt Nam", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp vũ trang quần chúng", KNC, BO, CN),
    ("Kỷ niệm chương vì sự nghiệp bình đẳng giới, vì sự tiến bộ của phụ nữ", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp Tài chính Việt Nam của Bộ Tài chính", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp giáo dục (QĐ số 123/QĐ-BGDĐT)", KNC, BO, CN),
    ("Kỷ niệm chương Vì sự nghiệp giáo dục (UBND tỉnh)", KNC, TINH, CN),
    ("Kỷ niệm chương (Vì sự nghiệp giáo dục)", KNC, BO, CN),
    ("Nhà giáo ưu tú lần thứ 15", "Nhà giáo ưu tú", NN, CN),
    ("Nhà giáo ưu tú (NGƯT)", "Nhà giáo ưu tú", NN, CN),
    ("Kỷ niệm chương của Chủ tịch UBND tỉnh", KNC, TINH, CN),
    ("Kỷ niệm chương của Giám đốc Sở", KNC, "!", CN),
    ("Kỷ niệm chương cấp bộ, tỉnh", KNC, "2", CN),
    ("Huy hiệu", "Huy hiệu", "?", CN),
    ("Huy hiệu của UBND tỉnh", "Huy hiệu", TINH, CN),
    ("Huy hiệu Vì sự nghiệp xây dựng và phát triển tỉnh của UBND tỉnh", "Huy hiệu", TINH, CN),
    # a province's own Kỷ niệm chương, Huy hiệu: the named part names the province (before: Bộ, exit 0)
    ("Kỷ niệm chương Vì sự nghiệp xây dựng và phát triển tỉnh Quảng Trị", KNC, TINH, CN),
    ('KNC "Vì sự nghiệp phát triển tỉnh Bắc Ninh"', KNC, TINH, CN),
    ("Kỷ niệm chương Vì sự nghiệp xây dựng và phát triển Thủ đô", KNC, TINH, CN),
    ("Huy hiệu Vì sự nghiệp xây dựng và phát triển tỉnh Nghệ An", "Huy hiệu", TINH, CN),
    ("Kỷ niệm chương Vì sự nghiệp phát triển tỉnh Quảng Trị của Bộ trưởng Bộ Nội vụ", KNC, BO, CN),
    # --- Not awards of the Law ---------------------------------------------------------------
    ("Hoàn thành xuất sắc nhiệm vụ", None, "", None),
    ("Hoàn thành tốt nhiệm vụ", None, "", None),
    ("HTXSNV", None, "", None),
    ("Hoàn thành nhiệm vụ", None, "", None),
    ("Không hoàn thành nhiệm vụ", None, "", None),
    ("Chiến sĩ thi đua", None, "", None),  # cơ sở or tỉnh? never guessed
    ("Huân chương Lao động", None, "", None),  # which class? never guessed
    ("Huân chương", None, "", None),
    ("Huân chương Kháng chiến", None, "", None),
    ("Huy chương vàng", None, "", None),
    ("Huy chương vàng Hội khỏe Phù Đổng", None, "", None),
    ("Giải Nhất hội thi giáo viên dạy giỏi", None, "", None),
    ("Giáo viên dạy giỏi cấp tỉnh", None, "", None),
    ("Giải thưởng Sao Khuê", None, "", None),
    ("Huy hiệu 30 năm tuổi Đảng", None, "", None),
    ("Huy hiệu 40 năm tuổi Đảng", None, "", None),
    ("Huy hiệu Đảng", None, "", None),
    ("Đảng viên hoàn thành xuất sắc nhiệm vụ", None, "", None),
    ("Xếp loại A", None, "", None),
    ("Khen thưởng đột xuất", None, "", None),
    ("Thư khen", None, "", None),
    ("Lao động", None, "", None),
    ("Lao động tiên tiến xuất sắc", None, "", None),
    ("Đề nghị tặng", None, "", None),
    ("Tiên tiến", None, "", None),
    ("Tập thể", None, "", None),
    ("2020", None, "", None),
    ("năm 2022", None, "", None),
    ("Cá nhân", None, "", None),
    ("Ghi chú", None, "", None),
    ("Kỷ luật khiển trách", None, "", None),
    ("Nâng lương trước thời hạn", None, "", None),
]

# Every class of every order and medal the law lists, in three common writings.
_CLASSED = [
    ("Huân chương Độc lập", "HCĐL"),
    ("Huân chương Quân công", "HCQC"),
    ("Huân chương Lao động", "HCLĐ"),
    ("Huân chương Bảo vệ Tổ quốc", "HCBVTQ"),
    ("Huân chương Chiến công", "HCCC"),
]
for _name, _abbr in _CLASSED:
    for _cls, _roman in (("Nhất", "I"), ("Nhì", "II"), ("Ba", "III")):
        TEXTS += [
            (f"{_name} hạng {_cls.lower()}", f"{_name} hạng {_cls}", NN, ANY),
            (f"{_abbr} hạng {_roman}", f"{_name} hạng {_cls}", NN, ANY),
            (f"Tặng thưởng {_name} hạng {_cls} năm 2019", f"{_name} hạng {_cls}", NN, ANY),
        ]
# Each centrally-run city's People's Committee, in the ways lists write it: a province.
for _city in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"):
    TEXTS += [
        (f"Bằng khen của Chủ tịch UBND thành phố {_city}", BK, TINH, ANY),
        (f"Bằng khen UBND TP. {_city}", BK, TINH, ANY),
        (f"Cờ thi đua của Ủy ban nhân dân thành phố {_city}", CTD, TINH, TT),
        (f"CSTĐ của Chủ tịch UBND TP {_city}", CSTD, TINH, CN),
    ]


def _level(match: AwardMatch) -> str:
    if match.ambiguous:
        return "2"
    if match.impossible:
        return "!"
    return match.level or match.usual or match.award.usual_level or "?"


@pytest.mark.parametrize(("text", "award", "level", "kind"), TEXTS)
def test_award_text(catalogue: Catalogue, text: str, award: str | None, level: str, kind: str | None) -> None:
    match = catalogue.match_award(text)
    if award is None:
        assert match is None, f"{text!r} is no award, read as {match}"
        return
    assert match is not None, f"{text!r} not recognised"
    assert (match.award.name, _level(match), match.award.single_kind) == (award, level, kind)


def test_the_table_is_several_hundred_texts() -> None:
    assert len(TEXTS) >= 400
    assert len({text for text, *_ in TEXTS}) == len(TEXTS)  # no text twice


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Kỷ niệm chương Vì sự nghiệp giáo dục", "Vì sự nghiệp Giáo dục"),
        ('KNC "Vì sự nghiệp Giáo dục" của Bộ GD&ĐT', "Vì sự nghiệp Giáo dục"),
        (
            "Kỷ niệm chương Vì sự nghiệp Lao động - Thương binh và Xã hội",
            "Vì sự nghiệp Lao động – Thương binh và Xã hội",
        ),
        ("Kỷ niệm chương “Vì sự nghiệp phát triển nông thôn” (2021)", "Vì sự nghiệp phát triển nông thôn"),
        (
            "Kỷ niệm chương vì sự nghiệp bình đẳng giới, vì sự tiến bộ của phụ nữ",
            "Vì sự nghiệp bình đẳng giới, vì sự tiến bộ của phụ nữ",
        ),
        ("Giải thưởng Nhà nước về văn học, nghệ thuật", "Về văn học, nghệ thuật"),
        ("Kỷ niệm chương", ""),
        ("Kỷ niệm chương Vì sự nghiệp giáo dục (QĐ số 123/QĐ-BGDĐT)", "Vì sự nghiệp Giáo dục"),
        ("Kỷ niệm chương (Vì sự nghiệp giáo dục)", "Vì sự nghiệp Giáo dục"),
        (
            "Kỷ niệm chương Vì sự nghiệp xây dựng và phát triển tỉnh Quảng Trị",
            "Vì sự nghiệp xây dựng và phát triển tỉnh Quảng Trị",
        ),
        ("Bằng khen của Chủ tịch UBND tỉnh", ""),
    ],
)
def test_named_part_is_kept_as_detail(catalogue: Catalogue, text: str, detail: str) -> None:
    match = catalogue.match_award(text)
    assert match is not None
    assert match.detail == detail


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Lao động tiên tiến năm học 2023-2024", (2023, 2024)),
        ("Chiến sĩ thi đua cơ sở năm 2022", (2022, 2022)),
        ("CSTĐ tỉnh giai đoạn 2019-2021", (2019, 2021)),
        ("Bằng khen của Thủ tướng Chính phủ (2016 - 2020)", (2016, 2020)),
        ("Bằng khen UBND tỉnh 2019–2021", (2019, 2021)),
        ("LĐTT 2020", (2020, 2020)),
        ("Lao động tiên tiến", None),
        ("Lao động tiên tiến năm 2021-2019", None),  # not a period: the text is not read as an award
        ("Bằng khen 2001-2020", None),  # twenty years is no period of one award
    ],
)
def test_trailing_period(catalogue: Catalogue, text: str, period: tuple[int, int] | None) -> None:
    match = catalogue.match_award(text)
    assert (match.period if match else None) == period


def test_a_decision_date_is_not_a_period(catalogue: Catalogue) -> None:
    from thidua_cli.catalogue import split_period

    assert split_period("Giấy khen QĐ 12/QĐ-UBND ngày 12/5/2020") == ("Giấy khen QĐ 12/QĐ-UBND ngày 12/5/2020", None)
    assert split_period("2020") == ("", (2020, 2020))


@pytest.mark.parametrize(
    ("text", "kind", "level", "period"),
    [
        ("Bằng khen tập thể của UBND tỉnh", TT, TINH, None),
        ("Giấy khen cá nhân", CN, None, None),
        ("Bằng khen cho tập thể năm 2020", TT, None, (2020, 2020)),
        ("Chiến sĩ thi đua cơ sở năm học 2022-2023 của Giám đốc Sở", None, CS, (2022, 2023)),
        ("Tập thể LĐXS năm 2019 của Bộ trưởng Bộ Tài chính", None, BO, (2019, 2019)),
    ],
)
def test_kind_and_period_inside_the_text(
    catalogue: Catalogue, text: str, kind: str | None, level: str | None, period: tuple[int, int] | None
) -> None:
    match = catalogue.match_award(text)
    assert match is not None
    assert (match.kind, match.level, match.period) == (kind, level, period)


@pytest.mark.parametrize(
    ("text", "level", "issuer"),
    [
        ("Bằng khen của Ban Thường vụ Tỉnh ủy", TINH, "Cơ quan cấp tỉnh của Đảng, đoàn thể"),
        ("Bằng khen Tỉnh ủy", TINH, "Cơ quan cấp tỉnh của Đảng, đoàn thể"),
        ("Bằng khen của Chủ tịch UBND tỉnh", TINH, "Chủ tịch UBND tỉnh"),
        ("Giấy khen Ban Thường vụ Huyện ủy", CS, "Cơ quan cấp huyện, xã của Đảng, đoàn thể"),
        ("Giấy khen của Đảng ủy xã", CS, "Cơ quan cấp huyện, xã của Đảng, đoàn thể"),
        ("Giấy khen của Chủ tịch UBND huyện", CS, "Chủ tịch UBND huyện"),
    ],
)
def test_a_party_committee_is_its_own_issuer_not_the_peoples_committee(
    catalogue: Catalogue, text: str, level: str, issuer: str
) -> None:
    """Before: "Bằng khen của Ban Thường vụ Tỉnh ủy" had the issuer "Chủ tịch UBND tỉnh" (the level was right)."""
    match = catalogue.match_award(text)
    assert match is not None and match.issuer is not None
    assert (match.level, match.issuer.name) == (level, issuer)
