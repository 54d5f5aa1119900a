package wengang.generate;

import java.util.SplittableRandom;
import wengang.schemas.Codes.UnitType;

/**
 * Plausible Chinese names: workers (surnames weighted towards those common in Guizhou,
 * 杨, 吴, 龙, 罗, 潘, 韦 …) and units (city + district + trade name + industry + 有限公司,
 * hospitals and schools for public institutions, bureaux for government organs,
 * associations for social organisations, 人力资源/劳务派遣 companies for agencies).
 * Names are never unique keys: two workers may share a name, as they do in life.
 */
final class Names {
    private Names() {}

    private static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛龚邵万严覃武戴莫孔向汤蒙";
    /** The first 12 surnames above get extra weight, and these Guizhou ones too. */
    private static final String GUIZHOU_SURNAMES = "杨吴龙罗潘韦王李张陈刘黄石蒙";
    private static final String MALE = "伟强军勇杰涛明超刚平辉华林波斌海鹏飞龙成志建国文俊东兵亮磊洪江福贵发春德忠荣兴";
    private static final String FEMALE = "芳娟敏静丽艳娜霞燕玲桂英兰梅琴红秀萍雪婷慧莉洁凤琳云丹倩颖玉";

    private static final String[] TRADE = {
        "恒达", "顺发", "宏图", "金源", "新锐", "华信", "鑫盛", "永利", "德润", "嘉禾", "粤海", "南方", "珠江", "天骏",
        "富康", "联创", "信达", "佳美", "利丰", "卓越", "汇通", "安捷", "万家", "广源", "同心", "众诚", "兴业", "百盛",
        "东方", "长城", "星河", "骏达", "瑞丰", "盈科", "华南", "中粤", "启航", "越秀", "荣昌", "祥和"};
    private static final String[] INDUSTRY = {
        "电子科技", "服装", "食品", "物流", "建筑工程", "物业管理", "餐饮管理", "家具", "五金制品", "塑胶制品", "印刷",
        "汽车配件", "保洁服务", "酒店管理", "纺织", "化妆品", "电器", "包装材料", "医疗器械", "商贸"};
    private static final String[] INSTITUTION = {
        "人民医院", "中心小学", "环境卫生服务中心", "社区卫生服务中心", "职业技术学校", "公路养护中心", "中医医院"};
    private static final String[] BUREAU = {
        "城市管理和综合执法局", "市场监督管理局", "住房和城乡建设局", "水务局", "林业和园林局", "交通运输局"};
    private static final String[] SOCIAL = {"行业协会", "商会", "社会工作服务中心", "志愿者协会"};
    private static final String NUMERALS = "一二三四五六七八九";

    /** A person's name: surname + one or two given characters fitting the recorded sex. */
    static String person(SplittableRandom r, boolean male) {
        char surname = Draw.chance(r, 0.4) ? Draw.pick(r, GUIZHOU_SURNAMES) : Draw.pick(r, SURNAMES);
        String given = male ? MALE : FEMALE;
        StringBuilder b = new StringBuilder().append(surname).append(Draw.pick(r, given));
        if (Draw.chance(r, 0.7)) {
            b.append(Draw.pick(r, given));
        }
        return b.toString();
    }

    /** The same name with its last character replaced by another (a clerk's typo, a homophone). */
    static String misspelt(String name) {
        char last = name.charAt(name.length() - 1);
        String pool = MALE.indexOf(last) >= 0 ? MALE : FEMALE;
        int i = Math.max(0, pool.indexOf(last));
        return name.substring(0, name.length() - 1) + pool.charAt((i + 5) % pool.length());
    }

    static String unit(SplittableRandom r, long unitIndex, String unitType, boolean agency, String district) {
        Geography.City city = Geography.cityOf(district);
        String place = city.name() + Geography.districtName(district);
        String trade = TRADE[(int) Math.floorMod(unitIndex * 7 + r.nextInt(TRADE.length), (long) TRADE.length)];
        return switch (unitType) {
            case UnitType.PUBLIC_INSTITUTION -> place + "第" + NUMERALS.charAt(r.nextInt(NUMERALS.length()))
                    + INSTITUTION[r.nextInt(INSTITUTION.length)];
            case UnitType.GOVERNMENT -> place + BUREAU[r.nextInt(BUREAU.length)];
            case UnitType.SOCIAL_ORG -> city.name() + trade + SOCIAL[r.nextInt(SOCIAL.length)];
            default -> agency
                    ? city.name() + trade + (r.nextBoolean() ? "人力资源服务有限公司" : "劳务派遣有限公司")
                    : city.name() + trade + INDUSTRY[r.nextInt(INDUSTRY.length)] + "有限公司";
        };
    }
}
